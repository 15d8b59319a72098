package com.harborcrm.common.tenancy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;

/**
 * Feeds Hibernate's discriminator multi-tenancy: every entity with {@code @TenantId} is filtered by, and
 * written with, the store of the current unit of work. This is the single isolation mechanism.
 */
@PersistenceUnitExtension
@RequestScoped
public class StoreTenantResolver implements TenantResolver {

    @Inject
    TenantContext tenant;

    @Override
    public String getDefaultTenantId() {
        return Long.toString(TenantContext.NO_STORE);
    }

    @Override
    public String resolveTenantId() {
        return Long.toString(tenant.storeIdOrNone());
    }
}
