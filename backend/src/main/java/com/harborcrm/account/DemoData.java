package com.harborcrm.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.harborcrm.account.AccountDtos.CreateUserRequest;
import com.harborcrm.account.AccountDtos.SignupRequest;
import com.harborcrm.common.config.HarborConfig;
import com.harborcrm.common.security.Role;

import io.quarkus.runtime.StartupEvent;

/**
 * Opens a demo store with one user per role when {@code harbor.demo.enabled} (on in the dev profile, which
 * `make run` uses) and prints the logins. Idempotent: an existing demo store is left as it is.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final String PASSWORD = "harbor-demo";
    static final String ADMIN = "admin@demo.harbor-crm.dev";
    static final String MANAGER = "manager@demo.harbor-crm.dev";
    static final String REP = "rep@demo.harbor-crm.dev";
    static final String REP2 = "rep2@demo.harbor-crm.dev";

    @Inject
    HarborConfig config;

    @Inject
    AccountService accounts;

    @Inject
    EntityManager em;

    @Inject
    jakarta.enterprise.event.Event<DemoStoreSeeded> seeded;

    void onStart(@Observes StartupEvent event) {
        if (config.demo().enabled()) {
            seed();
            LOG.infof("%n%n==== Harbor CRM demo store is ready ====%n"
                    + "  Web app:  http://localhost:5173   (API: http://localhost:8080/api/v1, contract: /q/openapi)%n"
                    + "  Admin:    %s / %s%n  Manager:  %s / %s%n  Rep:      %s / %s%n  Rep 2:    %s / %s%n",
                    ADMIN, PASSWORD, MANAGER, PASSWORD, REP, PASSWORD, REP2, PASSWORD);
        }
    }

    /** Not one transaction: the store must be entered as tenant (by signup) before its users are written. */
    @ActivateRequestContext
    void seed() {
        Number existing = (Number) em.createNativeQuery("select count(*) from login_identities where email = ?1")
                .setParameter(1, ADMIN).getSingleResult();
        if (existing.longValue() > 0) {
            return;
        }
        var opened = accounts.signup(new SignupRequest("Harbor Demo Trading", "Alice Admin", ADMIN, PASSWORD,
                "Asia/Shanghai"));
        long manager = accounts.createUser(new CreateUserRequest("Max Manager", MANAGER, PASSWORD, Role.MANAGER)).id();
        long rita = accounts.createUser(new CreateUserRequest("Rita Rep", REP, PASSWORD, Role.REP)).id();
        long ravi = accounts.createUser(new CreateUserRequest("Ravi Rep", REP2, PASSWORD, Role.REP)).id();
        seeded.fire(new DemoStoreSeeded(opened.store().id(), manager, java.util.List.of(rita, ravi)));
    }
}
