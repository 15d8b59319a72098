package com.harborcrm.common.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.harborcrm.common.config.HarborConfig;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Tells this instance that something it keeps in memory changed in the database, whoever changed it. Triggers
 * (V79) NOTIFY {@value #CHANNEL} with {@code kind:key} when their transaction commits; one connection of this
 * instance LISTENs and the {@link SharedCache} of that kind forgets the key. A copy is therefore never older than
 * the delivery of a notification (about a millisecond) after another instance's commit, and changes made here are
 * forgotten as their own transaction completes ({@link SharedCache#forgetAfterCompletion}). While the listening
 * connection is down, every cache is emptied and bypassed until it is back.
 */
@ApplicationScoped
public class ChangeFeed {

    static final String CHANNEL = "harbor_cache";
    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);
    /** How long a quiet connection waits before it checks that the server is still there. */
    private static final int HEARTBEAT_MILLIS = 10_000;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Inject
    HarborConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final Map<String, SharedCache<?>> caches = new ConcurrentHashMap<>();
    /** Moves on every forgetting: a copy loaded while it moved may be older than the change, and is dropped. */
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean stopped;
    private volatile Connection connection;
    private Thread listener;

    /** A cache of one kind of notification ({@code user}, {@code pool_rules}, {@code store}). */
    public <V> SharedCache<V> cache(String kind, int maxEntries) {
        SharedCache<V> cache = new SharedCache<>(this, kind, maxEntries);
        if (caches.putIfAbsent(kind, cache) != null) {
            throw new IllegalStateException("A cache of kind " + kind + " exists already");
        }
        return cache;
    }

    void start(@Observes StartupEvent started) {
        if (!config.cache().enabled()) {
            return;
        }
        listener = new Thread(this::listen, "harbor-change-feed");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        stopped = true;
        listening = false;
        closeQuietly(connection);
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** Whether copies may be kept: only while this instance hears every change. */
    boolean listening() {
        return listening;
    }

    long generation() {
        return generation.get();
    }

    void moveGeneration() {
        generation.incrementAndGet();
    }

    TransactionSynchronizationRegistry transactions() {
        return transactions;
    }

    private void listen() {
        long pause = 100;
        while (!stopped) {
            try (Connection listening = DriverManager.getConnection(url, connectionProperties())) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection notifications = listening.unwrap(PGConnection.class);
                // Anything kept before this point may have missed a change.
                forgetAll();
                this.listening = true;
                pause = 100;
                while (!stopped) {
                    PGNotification[] received = notifications.getNotifications(HEARTBEAT_MILLIS);
                    if (received == null || received.length == 0) {
                        try (Statement statement = listening.createStatement()) {
                            statement.execute("select 1");
                        }
                        continue;
                    }
                    for (PGNotification notification : received) {
                        dispatch(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException lost) {
                this.listening = false;
                forgetAll();
                if (stopped) {
                    return;
                }
                LOG.warnf("Change notifications interrupted (%s); caches bypassed until they are back",
                        lost.getMessage());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = Math.min(pause * 2, 5_000);
            } finally {
                this.listening = false;
            }
        }
    }

    void dispatch(String payload) {
        int colon = payload.indexOf(':');
        SharedCache<?> cache = colon < 0 ? null : caches.get(payload.substring(0, colon));
        if (cache == null) {
            // A kind this instance does not know (a newer version's, say): forget everything to be safe.
            forgetAll();
            return;
        }
        cache.forget(payload.substring(colon + 1));
    }

    private void forgetAll() {
        caches.values().forEach(SharedCache::forgetAll);
    }

    private Properties connectionProperties() {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", "harbor-change-feed");
        properties.setProperty("tcpKeepAlive", "true");
        // A server gone silent (no reset) fails the heartbeat instead of hanging it.
        properties.setProperty("socketTimeout", Integer.toString(HEARTBEAT_MILLIS / 1000 * 3));
        return properties;
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing on the way out: nothing more to do.
        }
    }
}
