package com.harborcrm.pool;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * The pool's business counters for Prometheus ({@code /q/metrics}): {@code harbor_pool_claims_total} (customers
 * claimed by reps), {@code harbor_pool_auto_returns_total} (customers the sweep returned) and
 * {@code harbor_pool_auto_assignments_total} (customers automatic distribution handed out). Registered at start-up
 * so that they read 0 rather than missing before the first claim. Each instance counts its own; a dashboard sums
 * over instances. Only committed work counts: inside a transaction the increment waits for its commit.
 */
@Startup
@ApplicationScoped
public class PoolMetrics {

    private final Counter claims;
    private final Counter autoReturns;
    private final Counter autoAssignments;
    private final TransactionSynchronizationRegistry transactions;

    PoolMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        claims = Counter.builder("harbor.pool.claims").description("Pool customers claimed by reps (claims won)")
                .register(registry);
        autoReturns = Counter.builder("harbor.pool.auto_returns")
                .description("Private customers returned to the pool by the auto-return sweep").register(registry);
        autoAssignments = Counter.builder("harbor.pool.auto_assignments")
                .description("Pool customers handed to reps by automatic distribution").register(registry);
    }

    void claimed(int customers) {
        onCommit(claims, customers);
    }

    void autoReturned(int customers) {
        onCommit(autoReturns, customers);
    }

    void distributed(int customers) {
        onCommit(autoAssignments, customers);
    }

    private void onCommit(Counter counter, int amount) {
        if (amount == 0) {
            return;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            counter.increment(amount);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment(amount);
                }
            }
        });
    }
}
