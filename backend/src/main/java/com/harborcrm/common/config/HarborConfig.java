package com.harborcrm.common.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Harbor's own settings ({@code harbor.*}); each can be set by environment variable (HARBOR_...). */
@ConfigMapping(prefix = "harbor")
public interface HarborConfig {

    Jwt jwt();

    Login login();

    Demo demo();

    Pool pool();

    interface Jwt {
        /** The {@code iss} of issued tokens; must equal {@code mp.jwt.verify.issuer}. */
        String issuer();

        @WithDefault("PT8H")
        Duration lifetime();
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
    }

    interface Pool {
        /**
         * How often the auto-return sweep runs, as a Quarkus Scheduler {@code every} value ("5m", "30s"); "off"
         * disables it (POST /pool/sweep still works). Read by the scheduler as {@code harbor.pool.sweep-interval}.
         */
        @WithDefault("5m")
        String sweepInterval();

        /** Customers returned per sweep transaction, so no sweep holds its row locks for long. */
        @WithDefault("20000")
        int sweepChunk();
    }
}
