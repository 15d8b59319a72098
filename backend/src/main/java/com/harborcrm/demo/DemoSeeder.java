package com.harborcrm.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.harborcrm.account.DemoStores;
import com.harborcrm.common.config.HarborConfig;
import com.harborcrm.common.tenancy.StoreWork;

import io.quarkus.runtime.StartupEvent;

/**
 * Opens the demo store at start-up when {@code harbor.demo.enabled} (the dev profile, which `make run` uses) and
 * prints its logins: fifteen months of business up to yesterday (see {@link DemoStory}), then this morning's import
 * of a trade-fair list. An existing demo store is kept as it is, unless {@code harbor.demo.reset} asks for a new one.
 */
@ApplicationScoped
public class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);
    public static final String EMAIL_DOMAIN = "demo.harbor-crm.dev";
    /** The story's seed: every demo store is the same story, told up to the day it is written. */
    public static final long SEED = 20_261_204L;
    /** How far back the story starts. */
    public static final int MONTHS = 15;
    public static final double LEADS_PER_DAY = 4.4;

    @Inject
    HarborConfig config;

    @Inject
    DemoStores demoStores;

    @Inject
    DemoStory story;

    @Inject
    StoreWork storeWork;

    @Inject
    Clock clock;

    @Inject
    DemoMessaging messaging;

    @Inject
    DemoPlans plans;

    void onStart(@Observes StartupEvent event) {
        if (!config.demo().enabled()) {
            return;
        }
        DemoStory.Plan plan = plan(clock);
        long store = open(plan, config.demo().reset());
        config.demo().mailPort().ifPresent(port -> messaging.connect(store, "admin@" + plan.emailDomain(), port));
        LOG.infof("%n%n==== Harbor CRM demo store is ready ====%n"
                + "  Web app:  %s   (API: /api/v1, contract: /q/openapi)%n"
                + "  Admin:    admin@%s / %s%n  Manager:  manager@%s / %s%n  Rep:      rep@%s / %s%n"
                + "  Rep 2:    rep2@%s / %s%n  (also rep3@ and rep4@, same password)%n",
                config.demo().webUrl(), EMAIL_DOMAIN, DemoStory.PASSWORD, EMAIL_DOMAIN, DemoStory.PASSWORD,
                EMAIL_DOMAIN, DemoStory.PASSWORD, EMAIL_DOMAIN, DemoStory.PASSWORD);
    }

    /**
     * The demo store of the plan's accounts: the one there is, kept as it is unless {@code reset} asks for a new one
     * (only a store marked as the demo store is ever deleted), else written now.
     *
     * @return the demo store's id
     */
    public long open(DemoStory.Plan plan, boolean reset) {
        String admin = "admin@" + plan.emailDomain();
        Optional<Long> existing = storeWork.inNewContext(() -> demoStores.findByAdminEmail(admin));
        if (existing.isPresent() && !reset) {
            return existing.get();
        }
        if (existing.isPresent()) {
            long old = existing.get();
            Map<String, Integer> deleted = storeWork.inStore(old, () -> demoStores.delete(old));
            LOG.infof("Demo store %d deleted (%d customers) to be written anew", old, deleted.getOrDefault("customers", 0));
        }
        LOG.info("Writing the demo store: fifteen months of business, day by day (about a minute)...");
        DemoStory.Cast cast = story.write(plan);
        story.importFairList(cast);
        plans.plan(cast);
        return cast.storeId();
    }

    /** The demo story's plan: {@link #MONTHS} months up to yesterday in the store's time zone. */
    public static DemoStory.Plan plan(Clock clock) {
        LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ZoneId.of(DemoStory.ZONE)).minusDays(1);
        return new DemoStory.Plan(EMAIL_DOMAIN, yesterday.minusMonths(MONTHS), yesterday, LEADS_PER_DAY, SEED);
    }
}
