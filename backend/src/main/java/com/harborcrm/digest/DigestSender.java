package com.harborcrm.digest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.harborcrm.account.StoreLanguage;
import com.harborcrm.agenda.AgendaService;
import com.harborcrm.agenda.AgendaService.Agenda;
import com.harborcrm.common.config.HarborConfig;
import com.harborcrm.common.tenancy.StoreWork;
import com.harborcrm.messaging.DeliveryException;
import com.harborcrm.messaging.MailTransport;
import com.harborcrm.messaging.MailTransport.OutgoingMail;
import com.harborcrm.messaging.MessagingSettingsService;
import com.harborcrm.notification.NotificationDtos;
import com.harborcrm.notification.NotificationDtos.NotificationView;
import com.harborcrm.notification.NotificationService;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends each person's daily digest once a day at their time, through the store's own mail channel.
 *
 * <p>Once: a digest is claimed by inserting its (store, user, day) row in a transaction of its own before anything
 * is sent; the primary key lets one instance win, and a restart finds the row. The claim carries a lease: a send
 * that failed for a passing reason (or an instance that died mid-send) is tried again when it runs out, at most
 * {@code harbor.digest.max-attempts} times. The one duplicate possible is an instance dying between the mail
 * server's acceptance and the SENT mark (at-least-once there, as every SMTP client).
 */
@ApplicationScoped
public class DigestSender {

    private static final Logger LOG = Logger.getLogger(DigestSender.class);

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    HarborConfig config;

    @Inject
    StoreWork storeWork;

    @Inject
    AgendaService agendas;

    @Inject
    MessagingSettingsService messaging;

    @Inject
    MailTransport mail;

    @Inject
    NotificationService notifications;

    /** A person due a digest: their store's day now, and what to write it with. */
    record Due(long storeId, long userId, LocalDate day, String userName, String email, StoreLanguage language,
            java.time.ZoneId zone) {
    }

    /** Notices a digest carries at most; the bell has them all. */
    static final int MAX_NOTICES = 100;

    /**
     * The notices the agenda does not carry already (the owner's warnings are its "returning" items): the ladder's,
     * and customers handed to the person.
     */
    private static final List<NotificationDtos.Kind> DIGEST_NOTICES = List.of(
            NotificationDtos.Kind.POOL_RETURN_ESCALATION, NotificationDtos.Kind.POOL_RETURNED,
            NotificationDtos.Kind.CUSTOMERS_ASSIGNED);

    @Scheduled(identity = "daily-digest", every = "${harbor.digest.interval}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.error("Daily digest pass failed", e);
        }
    }

    /** One pass over every store: digests sent in it. */
    public int run() {
        return run(null);
    }

    /** What became of one person's digest in a pass. */
    enum Outcome {
        SENT, EMPTY, FAILED, SERVER_UNREACHABLE
    }

    /**
     * One pass over every store, or over one ({@code onlyStore}). A store whose mail server does not answer is left
     * for the next pass after its first failure, so that it cannot hold up the other stores' digests.
     */
    int run(Long onlyStore) {
        Instant now = clock.instant();
        int sent = 0;
        java.util.Set<Long> unreachable = new java.util.HashSet<>();
        for (Due due : due(now)) {
            if ((onlyStore != null && due.storeId() != onlyStore) || unreachable.contains(due.storeId())
                    || !claim(due, now)) {
                continue;
            }
            try {
                Outcome outcome = storeWork.inStore(due.storeId(), () -> send(due, now));
                if (outcome == Outcome.SENT) {
                    sent++;
                } else if (outcome == Outcome.SERVER_UNREACHABLE) {
                    unreachable.add(due.storeId());
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not send the digest of user %d of store %d", due.userId(), due.storeId());
                finish(due, "SENDING", null, String.valueOf(e.getMessage()), now.plus(config.digest().lease()));
            }
        }
        return sent;
    }

    /**
     * People whose digest time has come in their store's day, with the store's e-mail channel on, who have no digest
     * for that day yet, or a claim whose lease ran out with attempts left. Across stores, so over a plain connection
     * (no store entered).
     */
    List<Due> due(Instant now) {
        List<Due> due = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        select u.store_id, u.id, (x.now at time zone s.time_zone)::date, u.name, u.email,
                               coalesce(np.language, s.language), s.time_zone
                        from (select cast(? as timestamptz) as now) x
                        cross join users u
                        join stores s on s.id = u.store_id
                        join messaging_settings m on m.store_id = u.store_id and m.email_enabled
                        left join notification_preferences np on np.store_id = u.store_id and np.user_id = u.id
                        left join digest_sends d on d.store_id = u.store_id and d.user_id = u.id
                             and d.day = (x.now at time zone s.time_zone)::date
                        where u.active and not u.service and coalesce(np.digest_enabled, true)
                          and (x.now at time zone s.time_zone)::time >= coalesce(np.digest_time, '08:00')
                          and (d.user_id is null or (d.status = 'SENDING' and d.leased_until < x.now and d.attempts < ?))
                        order by u.store_id, u.id""")) {
            statement.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            statement.setInt(2, config.digest().maxAttempts());
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    due.add(new Due(r.getLong(1), r.getLong(2), r.getObject(3, LocalDate.class), r.getString(4),
                            r.getString(5), StoreLanguage.of(r.getString(6)), java.time.ZoneId.of(r.getString(7))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not find the digests due", e);
        }
        return due;
    }

    /** Takes the day's digest of the person, committed before sending: true when this instance won it. */
    boolean claim(Due due, Instant now) {
        OffsetDateTime leaseEnd = OffsetDateTime.ofInstant(now.plus(config.digest().lease()), ZoneOffset.UTC);
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into digest_sends (store_id, user_id, day, status, leased_until, created_at)
                        values (?, ?, ?, 'SENDING', ?, ?) on conflict do nothing""");
                PreparedStatement retake = connection.prepareStatement("""
                        update digest_sends set leased_until = ?, attempts = attempts + 1
                        where store_id = ? and user_id = ? and day = ? and status = 'SENDING' and leased_until < ?
                          and attempts < ?""")) {
            insert.setLong(1, due.storeId());
            insert.setLong(2, due.userId());
            insert.setObject(3, due.day());
            insert.setObject(4, leaseEnd);
            insert.setObject(5, at);
            if (insert.executeUpdate() == 1) {
                return true;
            }
            retake.setObject(1, leaseEnd);
            retake.setLong(2, due.storeId());
            retake.setLong(3, due.userId());
            retake.setObject(4, due.day());
            retake.setObject(5, at);
            retake.setInt(6, config.digest().maxAttempts());
            return retake.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim a digest", e);
        }
    }

    /** In the store: renders the person's day and sends it. */
    private Outcome send(Due due, Instant now) {
        Agenda agenda = QuarkusTransaction.requiringNew().call(
                () -> agendas.forUser(due.userId(), due.day(), due.day(), due.day()));
        // The unread notices since the person's previous digest (or the last day): one notification service feeds
        // the bell and, here, the e-mail, each notice in one digest only.
        Instant since = previousDigestAt(due).orElse(now.minus(java.time.Duration.ofDays(1)));
        List<NotificationView> notices = QuarkusTransaction.requiringNew().call(() -> notifications.unreadOf(
                due.userId(), DIGEST_NOTICES, since, now, MAX_NOTICES));
        if (!DigestMail.hasNews(agenda, notices)) {
            finish(due, "EMPTY", null, null, null);
            return Outcome.EMPTY;
        }
        MessagingSettingsService.Channels channels = QuarkusTransaction.requiringNew().call(messaging::channels);
        String agendaUrl = config.messaging().publicUrl().replaceAll("/+$", "") + "/agenda";
        DigestMail.Rendered rendered = DigestMail.render(agenda, notices, due.userName(), due.language(), agendaUrl,
                due.zone());
        try {
            String messageId = mail.send(channels, new OutgoingMail(due.email(), rendered.subject(), rendered.text(),
                    rendered.html(), Map.of("X-Harbor-Digest", due.storeId() + "/" + due.userId() + "/" + due.day())));
            finish(due, "SENT", messageId, null, null);
            return Outcome.SENT;
        } catch (DeliveryException e) {
            boolean last = attempts(due) >= config.digest().maxAttempts();
            finish(due, e.permanent() || last ? "FAILED" : "SENDING", null, e.getMessage(),
                    now.plus(config.digest().lease()));
            return e.permanent() ? Outcome.FAILED : Outcome.SERVER_UNREACHABLE;
        }
    }

    /** When the person's previous digest was taken: the start of the notices this one carries. */
    private java.util.Optional<Instant> previousDigestAt(Due due) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select max(created_at) from digest_sends where store_id = ? and user_id = ? and day < ?")) {
            statement.setLong(1, due.storeId());
            statement.setLong(2, due.userId());
            statement.setObject(3, due.day());
            try (ResultSet r = statement.executeQuery()) {
                OffsetDateTime at = r.next() ? r.getObject(1, OffsetDateTime.class) : null;
                return java.util.Optional.ofNullable(at).map(OffsetDateTime::toInstant);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the previous digest", e);
        }
    }

    private int attempts(Due due) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select attempts from digest_sends where store_id = ? and user_id = ? and day = ?")) {
            statement.setLong(1, due.storeId());
            statement.setLong(2, due.userId());
            statement.setObject(3, due.day());
            try (ResultSet r = statement.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read a digest", e);
        }
    }

    private void finish(Due due, String status, String messageId, String error, Instant leasedUntil) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        update digest_sends set status = ?, message_id = ?, error = left(?, 1000), leased_until = ?,
                            sent_at = case when ? = 'SENT' then ? else sent_at end
                        where store_id = ? and user_id = ? and day = ?""")) {
            statement.setString(1, status);
            statement.setString(2, messageId);
            statement.setString(3, error);
            statement.setObject(4, leasedUntil == null ? null : OffsetDateTime.ofInstant(leasedUntil, ZoneOffset.UTC));
            statement.setString(5, status);
            statement.setObject(6, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            statement.setLong(7, due.storeId());
            statement.setLong(8, due.userId());
            statement.setObject(9, due.day());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a digest", e);
        }
    }
}
