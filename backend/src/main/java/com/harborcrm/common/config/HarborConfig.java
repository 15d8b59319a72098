package com.harborcrm.common.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Harbor's own settings ({@code harbor.*}); each can be set by environment variable (HARBOR_...). */
@ConfigMapping(prefix = "harbor")
public interface HarborConfig {

    Jwt jwt();

    Login login();

    Demo demo();

    Pool pool();

    Stats stats();

    Io io();

    Http http();

    Cache cache();

    ApiKeys apiKeys();

    Webhooks webhooks();

    Messaging messaging();

    Digest digest();

    /** The daily digest e-mail (digest/). */
    interface Digest {
        /** How often due digests are looked for; "off" disables sending. */
        @WithDefault("1m")
        String interval();

        /** How long a claimed digest stays with its instance before another may try it again. */
        @WithDefault("PT10M")
        Duration lease();

        /** Attempts per user and day before the digest is given up (FAILED). */
        @WithDefault("3")
        int maxAttempts();
    }

    /** E-mail and SMS (messaging/). */
    interface Messaging {
        /**
         * Base64 of 32 random bytes: the AES-256 key SMTP passwords, SMS tokens and inbound secrets are encrypted
         * with at rest. Without it, messaging settings cannot store a secret (and say so).
         */
        Optional<String> encryptionKey();

        /** Where people reach Harbor: the base of unsubscribe links and of the inbound endpoints' URLs. */
        @WithDefault("http://localhost:8080")
        String publicUrl();

        /** How often the dispatcher sends due messages and starts due campaigns; "off" disables it. */
        @WithDefault("1s")
        String dispatchInterval();

        /** Messages one dispatcher pass takes at most (the campaign throttle may allow fewer). */
        @WithDefault("50")
        int batchSize();

        /** Messages in flight at once per instance. */
        @WithDefault("4")
        int concurrency();

        /** How long the SMTP server or SMS provider may take to connect and to accept one message. */
        @WithDefault("PT10S")
        Duration sendTimeout();

        /** How long a taken message stays with its instance before another may send it again. */
        @WithDefault("PT60S")
        Duration lease();

        /** Attempts per message (the first included) before it is FAILED; retries wait 30 s, then 2 and 8 min. */
        @WithDefault("3")
        int maxAttempts();

        @WithDefault("PT30S")
        Duration initialRetryDelay();

        /** Plain-text SMTP and http:// SMS providers (development and tests only). */
        @WithDefault("false")
        boolean allowInsecure();

        /** Host names of private addresses an SMTP server or SMS provider may still be on (a local mail catcher). */
        Optional<List<String>> allowedPrivateHosts();
    }

    /** Outgoing webhooks (webhook/). */
    interface Webhooks {
        /**
         * How often the dispatcher looks for due deliveries, a Scheduler {@code every} value; "off" disables it.
         * Read by the scheduler as {@code harbor.webhooks.dispatch-interval}.
         */
        @WithDefault("1s")
        String dispatchInterval();

        /** Deliveries one dispatcher pass takes at most (several passes run back to back while work remains). */
        @WithDefault("50")
        int batchSize();

        /** Requests in flight at once per instance. */
        @WithDefault("8")
        int concurrency();

        @WithDefault("PT5S")
        Duration connectTimeout();

        /** How long a receiver may take to answer; a slower answer counts as a failure and is retried. */
        @WithDefault("PT10S")
        Duration requestTimeout();

        /** How long a taken delivery stays with its instance; longer than connect plus request timeout. */
        @WithDefault("PT60S")
        Duration lease();

        /** First retry after a failed attempt; each later one waits four times longer, up to maxRetryDelay. */
        @WithDefault("PT5S")
        Duration initialRetryDelay();

        @WithDefault("PT8H")
        Duration maxRetryDelay();

        /** A delivery is retried for this long after its first attempt, then marked FAILED. */
        @WithDefault("PT24H")
        Duration retryFor();

        /** An endpoint that has failed every attempt for this long is disabled (and a webhook.disabled is sent). */
        @WithDefault("P3D")
        Duration disableAfter();

        /** Delivered and failed deliveries are kept this long for the delivery log. */
        @WithDefault("P30D")
        Duration retention();

        /**
         * Accept plain http:// URLs. Off in production: a receiver gets payloads and signatures over TLS only.
         */
        @WithDefault("false")
        boolean allowHttp();

        /**
         * Hosts that may resolve to private, loopback or link-local addresses (local development, a receiver on
         * the same network). Empty in production, so that a webhook cannot be aimed at the servers around Harbor.
         */
        Optional<List<String>> allowedPrivateHosts();
    }

    interface ApiKeys {
        /** Requests per minute a new key may make unless its creator sets another limit. */
        @WithDefault("600")
        int defaultRateLimitPerMinute();

        /** Keys a store may hold at once, revoked and expired ones aside. */
        @WithDefault("50")
        int maxActivePerStore();
    }

    interface Cache {
        /**
         * Keep users' roles, pool rules and time zones in memory, told of changes by PostgreSQL's LISTEN/NOTIFY
         * (common/cache). Switch off behind a pooler that does not keep sessions (PgBouncer in transaction mode):
         * LISTEN needs one.
         */
        @WithDefault("true")
        boolean enabled();
    }

    interface Http {
        /** Largest request body of every route but the CSV upload ({@link Io#maxUploadSize()}). */
        @WithDefault("10M")
        MemorySize maxBodySize();
    }

    interface Jwt {
        /** The {@code iss} of issued tokens; must equal {@code mp.jwt.verify.issuer}. */
        String issuer();

        @WithDefault("PT8H")
        Duration lifetime();

        /**
         * The web app's session cookie (HttpOnly, SameSite=Strict, path /api) carries the same token, out of reach
         * of page scripts. Secure unless switched off for plain-HTTP set-ups other than localhost.
         */
        @WithDefault("true")
        boolean secureCookie();
    }

    interface Login {
        /** Failed logins for one email within {@link #failureWindow()} before further attempts get 429. */
        @WithDefault("5")
        int maxFailures();

        @WithDefault("PT15M")
        Duration failureWindow();
    }

    interface Demo {
        /** Open the demo store at start-up (dev profile). */
        @WithDefault("false")
        boolean enabled();

        /** Delete the demo store at start-up and write it anew (make demo-reset); never touches another store. */
        @WithDefault("false")
        boolean reset();

        /** Where the web app is, for the login banner. */
        @WithDefault("http://localhost:5173")
        String webUrl();

        /** The local mail catcher's SMTP port (make run starts one): the demo store sends its e-mail there. */
        Optional<Integer> mailPort();
    }

    interface Pool {
        /**
         * How often the auto-return sweep runs, as a Quarkus Scheduler {@code every} value ("5m", "30s"); "off"
         * disables it (POST /pool/sweep still works). Read by the scheduler as {@code harbor.pool.sweep-interval}.
         */
        @WithDefault("5m")
        String sweepInterval();

        /** Customers returned per sweep transaction, so no sweep holds its row locks for long. */
        @WithDefault("10000")
        int sweepChunk();

        /**
         * Chunks of one sweep returned at the same time, each in a transaction and database session of its own:
         * PostgreSQL runs a statement on one core, so this many cores work on a large sweep.
         */
        @WithDefault("2")
        int sweepWorkers();

        /**
         * How often pools with automatic distribution hand out their waiting customers, a Scheduler {@code every}
         * value; "off" disables it (POST /pools/{id}/distribution/run still works).
         */
        @WithDefault("1m")
        String distributionInterval();

        /** Customers one distribution transaction places (its locks are held that long). */
        @WithDefault("2000")
        int distributionBatch();
    }

    /** Statistics (stats/). */
    interface Stats {
        /**
         * How often the statistics rollup folds its deltas (StatsRollup), a Scheduler {@code every} value; "off"
         * disables it (figures stay exact, reads get slower). Read by the scheduler as {@code harbor.stats.fold-interval}.
         */
        @WithDefault("10m")
        String foldInterval();
    }

    /** CSV import and export (io/). */
    interface Io {
        /** Largest CSV upload; a larger one is refused with 413 before it is read. */
        @WithDefault("200M")
        MemorySize maxUploadSize();

        /** Most data rows in one file; a longer file fails its job, writing nothing. */
        @WithDefault("1048576")
        int maxRows();

        /** A QUEUED or RUNNING job whose heartbeat is older than this lost its instance and is marked FAILED. */
        @WithDefault("PT1M")
        Duration staleAfter();

        /** Jobs one instance runs at the same time; more wait QUEUED. */
        @WithDefault("2")
        int workers();

        /** On shutdown, how long running jobs may take to finish before they are stopped and marked FAILED. */
        @WithDefault("PT20S")
        Duration shutdownGrace();
    }
}
