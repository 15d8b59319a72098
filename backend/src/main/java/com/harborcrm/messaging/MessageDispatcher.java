package com.harborcrm.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import com.harborcrm.account.StoreTimeZones;
import com.harborcrm.common.config.HarborConfig;
import com.harborcrm.common.security.Role;
import com.harborcrm.common.security.ServerSideActor;
import com.harborcrm.common.tenancy.StoreWork;
import com.harborcrm.messaging.MessageOutbox.Taken;
import com.harborcrm.messaging.MessagingSettingsService.Channels;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the outbox, from any number of instances: each pass starts the campaigns whose time has come, then, store
 * by store, takes what the throttle and caps allow under a lease ({@link MessageOutbox#takeAllowed}), sends it
 * concurrently with no transaction open, and records each message (SENT and its follow-up, or the failure and
 * its retry). An instance that dies mid-send leaves leases that run out: those messages go again with the same
 * content (at least once to the server), and a message is marked SENT, and followed up, once.
 */
@ApplicationScoped
public class MessageDispatcher {

    private static final Logger LOG = Logger.getLogger(MessageDispatcher.class);

    /** Scheduled campaigns whose time has come, with who scheduled them (the segment is resolved as that user). */
    private static final String DUE_CAMPAIGNS = """
            select c.store_id, c.id, c.created_by, u.role from campaigns c
            join users u on u.store_id = c.store_id and u.id = c.created_by
            where c.status = 'SCHEDULED' and c.scheduled_at <= ? order by c.scheduled_at limit 20""";

    /**
     * The stores with a message waiting, one index probe per store (a loose index scan over messages_due): a
     * store with 100,000 queued costs the same as one with one.
     */
    private static final String STORES_WITH_QUEUED = """
            with recursive s (store_id) as (
                (select store_id from messages where status = 'QUEUED' order by store_id limit 1)
                union all
                select (select m.store_id from messages m where m.status = 'QUEUED' and m.store_id > s.store_id
                        order by m.store_id limit 1)
                from s where s.store_id is not null)
            select store_id from s where store_id is not null""";

    @Inject
    DataSource dataSource;

    @Inject
    HarborConfig config;

    @Inject
    Clock clock;

    @Inject
    StoreWork storeWork;

    @Inject
    ServerSideActor actor;

    @Inject
    CampaignService campaigns;

    @Inject
    MessagingSettingsService settings;

    @Inject
    MessageOutbox outbox;

    @Inject
    MessageSender sender;

    @Inject
    StoreTimeZones zones;

    private volatile ExecutorService senders;

    @Scheduled(identity = "message-dispatch", every = "${harbor.messaging.dispatch-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            LOG.error("Message dispatch failed", e);
        }
    }

    /** One pass; the number of messages attempted. */
    public int dispatch() {
        Instant now = clock.instant();
        for (long[] due : query(DUE_CAMPAIGNS, now)) {
            try {
                storeWork.inStore(due[0], () -> {
                    actor.actAs(due[2], Role.values()[(int) due[3]]);
                    QuarkusTransaction.requiringNew().run(() -> campaigns.startScheduled(due[1]));
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not start campaign %d of store %d", due[1], due[0]);
            }
        }
        int attempted = 0;
        for (long[] store : query(STORES_WITH_QUEUED, null)) {
            try {
                attempted += storeWork.inStore(store[0], this::dispatchStore);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not send messages of store %d", store[0]);
            }
        }
        return attempted;
    }

    /**
     * Sends the current store's due messages: campaign messages at most a second's share of the rate per pass
     * (the pass runs every second), in batches.
     */
    private int dispatchStore() {
        Channels channels = settings.channels();
        Instant startOfDay = zones.startOfDay(clock.instant());
        int batch = config.messaging().batchSize();
        int secondsShare = (channels.campaignRatePerMinute() + 59) / 60;
        int attempted = 0;
        while (true) {
            int campaignLimit = Math.min(batch, secondsShare);
            List<Taken> taken = outbox.takeAllowed(channels, startOfDay, batch, campaignLimit);
            if (!send(channels, taken)) {
                return attempted;
            }
            attempted += taken.size();
            long campaign = taken.stream().filter(t -> t.campaignId() != null).count();
            secondsShare -= (int) campaign;
            boolean more = taken.size() - campaign >= batch || campaign >= campaignLimit && secondsShare > 0;
            if (!more) {
                break;
            }
        }
        campaigns.finishDrained();
        return attempted;
    }

    /** Sends concurrently and records each; false when interrupted (the rest keep their leases). */
    private boolean send(Channels channels, List<Taken> taken) {
        List<Future<String>> sent = new ArrayList<>();
        for (Taken message : taken) {
            sent.add(senders().submit(() -> sender.send(channels, message)));
        }
        for (int i = 0; i < taken.size(); i++) {
            try {
                String providerId = sent.get(i).get();
                try {
                    outbox.recordSent(taken.get(i), providerId, channels.systemUserId());
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Message %d was sent but its follow-up could not be recorded", taken.get(i).id());
                    outbox.recordSentWithoutFollowUp(taken.get(i), providerId, "Sent; the follow-up could not be "
                            + "recorded: " + e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException e) {
                outbox.recordFailure(taken.get(i), e.getCause() instanceof DeliveryException d ? d
                        : new DeliveryException("Harbor could not send it: " + e.getCause(), false));
            }
        }
        return true;
    }

    private List<long[]> query(String sql, Instant at) {
        List<long[]> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (at != null) {
                statement.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            }
            try (ResultSet r = statement.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    long[] row = new long[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = i == 3 ? Role.valueOf(r.getString(i + 1)).ordinal() : r.getLong(i + 1);
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the message queue", e);
        }
        return rows;
    }

    private ExecutorService senders() {
        ExecutorService s = senders;
        if (s == null) {
            synchronized (this) {
                if (senders == null) {
                    senders = Executors.newFixedThreadPool(config.messaging().concurrency(), r -> {
                        Thread t = new Thread(r, "harbor-message-sender");
                        t.setDaemon(true);
                        return t;
                    });
                }
                s = senders;
            }
        }
        return s;
    }

    @PreDestroy
    void stop() {
        if (senders != null) {
            senders.shutdownNow();
        }
    }
}
