package com.harborcrm.common.tenancy;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;

/**
 * Runs work for one store outside an HTTP request (scheduled jobs, start-up tasks), each store in a request
 * context of its own. A fresh context matters: the scheduler may already run with one active, and a
 * {@link TenantContext} can be entered only once, so reusing it would carry the first store into the next.
 */
@ApplicationScoped
public class StoreWork {

    @Inject
    TenantContext tenant;

    public <T> T inStore(long storeId, Supplier<T> work) {
        return inNewContext(() -> {
            tenant.enter(storeId);
            return work.get();
        });
    }

    /** The work in a request context of its own, no store entered yet (signing up enters its new store itself). */
    public <T> T inNewContext(Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        InjectableContext.ContextState outer = requestContext.isActive() ? requestContext.getState() : null;
        if (outer != null) {
            requestContext.deactivate();
        }
        requestContext.activate();
        try {
            return work.get();
        } finally {
            requestContext.terminate();
            if (outer != null) {
                requestContext.activate(outer);
            }
        }
    }
}
