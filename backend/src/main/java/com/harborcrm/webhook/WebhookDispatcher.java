package com.harborcrm.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.common.config.HarborConfig;

import io.quarkus.scheduler.Scheduled;

/**
 * Sends due deliveries, from any number of instances at once without sending one twice: a pass takes a batch by
 * setting a lease on each row in one statement ({@code FOR UPDATE SKIP LOCKED}, so two instances take disjoint
 * batches, and a row leased by one is not due for another until the lease ends), sends outside any transaction,
 * then records each attempt. Per customer and endpoint, a delivery is not taken while an earlier one is pending:
 * a customer's events reach a receiver in the order they happened, a failing one holding back the later ones
 * until it succeeds or is given up. A failed attempt is retried after 5 s, then four times longer each time up
 * to 8 h, for 24 h in all (configurable), then marked FAILED; an endpoint that failed every attempt for
 * {@code harbor.webhooks.disable-after} is disabled and the store's other subscriptions get webhook.disabled.
 * An instance that stops while sending leaves its lease to run out: the delivery is sent again (at least once;
 * the webhook-id lets receivers drop the repeat).
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int RESPONSE_EXCERPT = 1000;
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    /**
     * Takes due deliveries and leases them. The earlier-pending check reads the queue index; the scan reads the
     * due index (partial on PENDING, so delivered rows cost nothing). EXPLAIN ANALYZE with a million pending
     * deliveries: about 3 ms a pass of 50 (bench/webhooks/take-explain.sh, bench/RESULTS.md).
     */
    private static final String TAKE = """
            with due as (
                select d.store_id, d.id
                from webhook_deliveries d
                join webhook_subscriptions s on s.store_id = d.store_id and s.id = d.subscription_id and s.enabled
                where d.status = 'PENDING' and d.next_attempt_at <= ?
                  and (d.leased_until is null or d.leased_until <= ?)
                  and not exists (select 1 from webhook_deliveries e
                                  where e.store_id = d.store_id and e.subscription_id = d.subscription_id
                                    and e.ordering_key = d.ordering_key and e.status = 'PENDING' and e.id < d.id)
                order by d.next_attempt_at, d.id
                limit ?
                for update of d skip locked)
            update webhook_deliveries d set leased_until = ?, attempts = d.attempts + 1,
                   window_started_at = coalesce(d.window_started_at, ?)
            from due, webhook_subscriptions s, webhook_messages m
            where d.store_id = due.store_id and d.id = due.id
              and s.store_id = d.store_id and s.id = d.subscription_id
              and m.store_id = d.store_id and m.id = d.message_id
            returning d.store_id, d.id, d.subscription_id, d.attempts, d.window_started_at, d.leased_until,
                      s.url, s.secret, m.webhook_id, m.event_type, m.occurred_at, cast(m.data as text)
            """;

    record Taken(long storeId, long deliveryId, long subscriptionId, int attempt, Instant windowStartedAt,
            Instant lease, String url, String secret, String webhookId, String body) {
    }

    record Outcome(Integer statusCode, int durationMs, String error, String responseBody) {
        boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @Inject
    DataSource dataSource;

    @Inject
    HarborConfig config;

    @Inject
    WebhookTargets targets;

    @Inject
    Clock clock;

    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile HttpClient client;
    private volatile ExecutorService senders;
    private volatile Instant lastPurge = Instant.EPOCH;

    @Scheduled(identity = "webhook-dispatch", every = "${harbor.webhooks.dispatch-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            int batch = config.webhooks().batchSize();
            while (dispatch() == batch) {
                // A full batch: more may be due.
            }
            if (clock.instant().isAfter(lastPurge.plus(PURGE_EVERY))) {
                purge();
                lastPurge = clock.instant();
            }
        } catch (RuntimeException e) {
            LOG.error("Webhook dispatch failed", e);
        }
    }

    /** One pass: takes up to a batch of due deliveries, sends them concurrently and records each. */
    public int dispatch() {
        return dispatch(config.webhooks().batchSize());
    }

    /** One pass taking at most {@code batchSize} deliveries; the number taken. */
    public int dispatch(int batchSize) {
        List<Taken> taken = take(clock.instant(), batchSize);
        if (taken.isEmpty()) {
            return 0;
        }
        List<Future<Outcome>> sent = new ArrayList<>();
        for (Taken delivery : taken) {
            sent.add(senders().submit(() -> send(delivery)));
        }
        for (int i = 0; i < taken.size(); i++) {
            Outcome outcome;
            try {
                outcome = sent.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return i; // the rest keep their leases and go out again when those end
            } catch (ExecutionException e) {
                outcome = new Outcome(null, 0, "Harbor could not send it: " + e.getCause(), null);
            }
            record(taken.get(i), outcome);
        }
        return taken.size();
    }

    List<Taken> take(Instant now, int batchSize) {
        List<Taken> taken = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(TAKE)) {
            statement.setObject(1, utc(now));
            statement.setObject(2, utc(now));
            statement.setInt(3, batchSize);
            statement.setObject(4, utc(now.plus(config.webhooks().lease())));
            statement.setObject(5, utc(now));
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    taken.add(new Taken(r.getLong(1), r.getLong(2), r.getLong(3), r.getInt(4),
                            r.getObject(5, OffsetDateTime.class).toInstant(),
                            r.getObject(6, OffsetDateTime.class).toInstant(), r.getString(7), r.getString(8),
                            r.getString(9), body(r.getString(10), r.getObject(11, OffsetDateTime.class).toInstant(),
                                    r.getString(12))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take due webhook deliveries", e);
        }
        return taken;
    }

    /**
     * The JSON body, the same bytes on every attempt: {@code {"type", "timestamp", "data"}} as the Standard
     * Webhooks specification recommends; data is the event's own object (jsonb's text, keys in a stable order).
     */
    static String body(String eventType, Instant occurredAt, String data) {
        try {
            return "{\"type\":" + JSON.writeValueAsString(eventType) + ",\"timestamp\":"
                    + JSON.writeValueAsString(occurredAt.toString()) + ",\"data\":" + data + "}";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Outcome send(Taken delivery) {
        long started = System.nanoTime();
        URI uri = URI.create(delivery.url());
        Optional<String> refusal = targets.refusal(uri);
        if (refusal.isPresent()) {
            return new Outcome(null, 0, refusal.get(), null);
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.webhooks().requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Harbor-CRM-Webhooks/1")
                .header("webhook-id", delivery.webhookId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(delivery.secret(), delivery.webhookId(), timestamp,
                        delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());
            int millis = millisSince(started);
            String excerpt = excerpt(response.body());
            int code = response.statusCode();
            String error = code >= 200 && code < 300 ? null
                    : code >= 300 && code < 400 ? "The endpoint answered a redirect (" + code + "); Harbor does not "
                            + "follow redirects: save the final address instead"
                    : "The endpoint answered HTTP " + code;
            return new Outcome(code, millis, error, excerpt);
        } catch (java.net.http.HttpConnectTimeoutException e) {
            return new Outcome(null, millisSince(started), "Could not connect within "
                    + config.webhooks().connectTimeout().toSeconds() + " s", null);
        } catch (HttpTimeoutException e) {
            return new Outcome(null, millisSince(started), "No answer within "
                    + config.webhooks().requestTimeout().toSeconds() + " s", null);
        } catch (javax.net.ssl.SSLException e) {
            return new Outcome(null, millisSince(started), "TLS failed: " + message(e), null);
        } catch (java.io.IOException e) {
            return new Outcome(null, millisSince(started), "Could not connect: " + message(e), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, millisSince(started), "Harbor stopped while sending", null);
        }
    }

    /**
     * Records one attempt and its consequence, in one transaction: delivered; or due again after the backoff;
     * or FAILED once the retry window is spent. The delivery row is only written while this instance's lease
     * holds (a lease that ran out means another instance may have the row now).
     */
    void record(Taken delivery, Outcome outcome) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                insertAttempt(connection, delivery, outcome, now);
                if (outcome.succeeded()) {
                    update(connection, """
                            update webhook_deliveries set status = 'DELIVERED', delivered_at = ?, leased_until = null,
                                   last_attempt_at = ?, last_status_code = ?, last_error = null
                            where store_id = ? and id = ? and leased_until = ?""",
                            utc(now), utc(now), outcome.statusCode(), delivery.storeId(), delivery.deliveryId(),
                            utc(delivery.lease()));
                    update(connection, "update webhook_subscriptions set failing_since = null "
                            + "where store_id = ? and id = ? and failing_since is not null",
                            delivery.storeId(), delivery.subscriptionId());
                } else {
                    Instant next = now.plus(backoff(delivery.attempt()));
                    boolean givenUp = next.isAfter(delivery.windowStartedAt().plus(config.webhooks().retryFor()));
                    update(connection, """
                            update webhook_deliveries set status = ?, next_attempt_at = ?, leased_until = null,
                                   last_attempt_at = ?, last_status_code = ?, last_error = ?
                            where store_id = ? and id = ? and leased_until = ?""",
                            givenUp ? "FAILED" : "PENDING", utc(givenUp ? now : next), utc(now),
                            outcome.statusCode(), truncate(outcome.error(), 300), delivery.storeId(),
                            delivery.deliveryId(), utc(delivery.lease()));
                    if (!givenUp) {
                        holdBackFollowers(connection, delivery, next);
                    }
                    disableIfFailingTooLong(connection, delivery, outcome, now);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record webhook delivery " + delivery.deliveryId(), e);
        }
    }

    /**
     * The same customer's later deliveries to this endpoint wait for this one anyway: they are made due no sooner
     * than its retry, so that the scan for due deliveries does not walk over them on every pass while an endpoint
     * is down (they would be due but held back).
     */
    private static void holdBackFollowers(Connection connection, Taken delivery, Instant next) throws SQLException {
        update(connection, """
                update webhook_deliveries f set next_attempt_at = ?
                from webhook_deliveries d
                where d.store_id = ? and d.id = ? and d.ordering_key is not null
                  and f.store_id = d.store_id and f.subscription_id = d.subscription_id
                  and f.ordering_key = d.ordering_key and f.status = 'PENDING' and f.id > d.id
                  and f.next_attempt_at < ?""",
                utc(next), delivery.storeId(), delivery.deliveryId(), utc(next));
    }

    /**
     * The wait before the next attempt: the initial delay, four times longer after each failure, capped, with
     * ±10% jitter so that endpoints coming back are not hit by every retry at once.
     */
    Duration backoff(int attemptsMade) {
        Duration initial = config.webhooks().initialRetryDelay();
        Duration max = config.webhooks().maxRetryDelay();
        long millis = initial.toMillis();
        for (int i = 1; i < attemptsMade && millis < max.toMillis(); i++) {
            millis *= 4;
        }
        millis = Math.min(millis, max.toMillis());
        double jitter = 0.9 + ThreadLocalRandom.current().nextDouble() * 0.2;
        return Duration.ofMillis((long) (millis * jitter));
    }

    /**
     * Marks the endpoint failing since its first failure after a success; once that is longer ago than
     * disable-after, disables it, writes the audit and tells the store's other subscriptions (webhook.disabled).
     */
    private void disableIfFailingTooLong(Connection connection, Taken delivery, Outcome outcome, Instant now)
            throws SQLException {
        Instant failingSince;
        try (PreparedStatement statement = connection.prepareStatement("""
                update webhook_subscriptions set failing_since = coalesce(failing_since, ?)
                where store_id = ? and id = ? and enabled
                returning failing_since""")) {
            statement.setObject(1, utc(now));
            statement.setLong(2, delivery.storeId());
            statement.setLong(3, delivery.subscriptionId());
            try (ResultSet r = statement.executeQuery()) {
                if (!r.next()) {
                    return; // disabled meanwhile
                }
                failingSince = r.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
        if (failingSince.isAfter(now.minus(config.webhooks().disableAfter()))) {
            return;
        }
        String last = outcome.statusCode() == null ? outcome.error() : "HTTP " + outcome.statusCode();
        update(connection, """
                update webhook_subscriptions set enabled = false, disabled_at = ?,
                       disabled_reason = format('Every delivery failed since %s (last: %s)',
                           to_char(failing_since at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'), cast(? as text))
                where store_id = ? and id = ?""",
                utc(now), truncate(last, 200), delivery.storeId(), delivery.subscriptionId());
        LOG.warnf("Webhook %d of store %d disabled: failing since %s", delivery.subscriptionId(), delivery.storeId(),
                failingSince);
        // Its pending deliveries leave the dispatcher's scan until it is enabled again.
        update(connection, "update webhook_deliveries set next_attempt_at = 'infinity' "
                + "where store_id = ? and subscription_id = ? and status = 'PENDING'",
                delivery.storeId(), delivery.subscriptionId());
        update(connection, """
                insert into audit_events (store_id, at, actor_id, action, entity_type, entity_id, data)
                values (?, ?, null, 'WEBHOOK_DISABLED', 'webhook', ?, '{}'::jsonb)""",
                delivery.storeId(), utc(now), delivery.subscriptionId());
        update(connection, """
                insert into webhook_messages (store_id, event_type, occurred_at, data)
                select s.store_id, 'webhook.disabled', ?, jsonb_build_object('webhookSubscriptionId', s.id,
                       'url', s.url, 'reason', s.disabled_reason, 'failingSince', s.failing_since)
                from webhook_subscriptions s
                where s.store_id = ? and s.id = ? and webhook_listening(s.store_id, 'webhook.disabled')""",
                utc(now), delivery.storeId(), delivery.subscriptionId());
    }

    /** Drops delivered and failed deliveries past retention, then the messages no delivery refers to. */
    public void purge() {
        OffsetDateTime cutoff = utc(clock.instant().minus(config.webhooks().retention()));
        try (Connection connection = dataSource.getConnection()) {
            update(connection, "delete from webhook_deliveries where status <> 'PENDING' and created_at < ?", cutoff);
            update(connection, """
                    delete from webhook_messages m where m.occurred_at < ?
                      and not exists (select 1 from webhook_deliveries d
                                      where d.store_id = m.store_id and d.message_id = m.id)""", cutoff);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not purge old webhook deliveries", e);
        }
    }

    private void insertAttempt(Connection connection, Taken delivery, Outcome outcome, Instant now)
            throws SQLException {
        update(connection, """
                insert into webhook_attempts (store_id, delivery_id, attempt, at, status_code, duration_ms, error,
                                              response_body)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (store_id, delivery_id, attempt) do nothing""",
                delivery.storeId(), delivery.deliveryId(), delivery.attempt(), utc(now), outcome.statusCode(),
                outcome.durationMs(), truncate(outcome.error(), 300), outcome.responseBody());
    }

    private static int update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    statement.setNull(i + 1, Types.NULL);
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
            return statement.executeUpdate();
        }
    }

    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(config.webhooks().connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                }
                current = client;
            }
        }
        return current;
    }

    private ExecutorService senders() {
        ExecutorService current = senders;
        if (current == null) {
            synchronized (this) {
                if (senders == null) {
                    senders = Executors.newFixedThreadPool(config.webhooks().concurrency(), runnable -> {
                        Thread thread = new Thread(runnable, "webhook-sender");
                        thread.setDaemon(true);
                        return thread;
                    });
                }
                current = senders;
            }
        }
        return current;
    }

    @PreDestroy
    void stop() {
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static int millisSince(long startedNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startedNanos) / 1_000_000);
    }

    private static String excerpt(String body) {
        return body == null || body.isEmpty() ? null : truncate(body, RESPONSE_EXCERPT);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    /** The first message along the causes; a refused connection says so (the JDK gives it no message). */
    static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException && (t.getMessage() == null || t.getMessage().isBlank())) {
                return "connection refused";
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }
}
