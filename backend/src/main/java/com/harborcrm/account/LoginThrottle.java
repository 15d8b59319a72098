package com.harborcrm.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.harborcrm.common.config.HarborConfig;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.time.Instants;

/**
 * Brute-force protection per email: after {@code maxFailures} failed logins within the window, further
 * attempts answer 429 with Retry-After until the oldest of those failures leaves the window. The login
 * directory is global (emails are unique across stores), so these queries are not store-scoped.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    EntityManager em;

    @Inject
    HarborConfig config;

    @Inject
    Clock clock;

    /** Must run in the login transaction: serializes attempts for one email so none slips past the count. */
    public void checkAllowed(String email) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 7))")
                .setParameter(1, email).getSingleResult();
        Instant now = clock.instant();
        Duration window = config.login().failureWindow();
        int max = config.login().maxFailures();
        @SuppressWarnings("unchecked")
        List<Instant> recent = em.createNativeQuery(
                "select failed_at from login_failures where email = ?1 and failed_at > ?2 "
                        + "order by failed_at desc limit ?3")
                .setParameter(1, email).setParameter(2, now.minus(window)).setParameter(3, max)
                .getResultList().stream().map(Instants::of).toList();
        if (recent.size() >= max) {
            Instant oldest = recent.get(recent.size() - 1);
            long retryAfter = Math.max(1, Duration.between(now, oldest.plus(window)).toSeconds() + 1);
            throw new DomainException(ProblemType.TOO_MANY_ATTEMPTS,
                    "Too many failed sign-in attempts for this email. Try again in " + minutes(retryAfter) + ".",
                    List.of(), Map.of("retryAfterSeconds", retryAfter), Map.of("Retry-After", Long.toString(retryAfter)));
        }
    }

    public void recordFailure(String email) {
        em.createNativeQuery("insert into login_failures (email, failed_at) values (?1, ?2)")
                .setParameter(1, email).setParameter(2, clock.instant()).executeUpdate();
    }

    public void clear(String email) {
        em.createNativeQuery("delete from login_failures where email = ?1 or failed_at < ?2")
                .setParameter(1, email).setParameter(2, clock.instant().minus(config.login().failureWindow()))
                .executeUpdate();
    }

    private static String minutes(long seconds) {
        long minutes = (seconds + 59) / 60;
        return minutes <= 1 ? "1 minute" : minutes + " minutes";
    }
}
