package com.harborcrm.pool;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.account.StoreOpened;
import com.harborcrm.common.cache.ChangeFeed;
import com.harborcrm.common.cache.SharedCache;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.customer.CustomerStage;

/**
 * Reads, validates and saves each pool's rules (one row per pool in {@code pool_rules}, V95) and the store's limits
 * across all pools ({@code pool_store_limits}, V102), kept in memory together.
 */
@ApplicationScoped
public class PoolRulesService {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper mapper;

    @Inject
    PoolDirectory pools;

    public record Versioned(PoolRules rules, long version) {
    }

    public record VersionedLimits(StoreLimits limits, long version) {
    }

    /** Every pool's rules of one store, by pool id (the default pool's (0) are always there), and its limits. */
    record StoreRules(Map<Long, Versioned> byPool, VersionedLimits limits) {
    }

    /** A store's rules are a few hundred bytes per pool. */
    private static final int MAX_CACHED_STORES = 20_000;

    private final SharedCache<StoreRules> cache;

    @Inject
    PoolRulesService(ChangeFeed feed) {
        this.cache = feed.cache("pool_rules", MAX_CACHED_STORES);
    }

    void seed(@Observes StoreOpened opened) {
        cache.forgetAfterCompletion(Long.toString(opened.storeId()));
        em.createNativeQuery("insert into pool_rules (store_id, pool_id, updated_at) values (?1, 0, ?2) "
                + "on conflict do nothing")
                .setParameter(1, opened.storeId()).setParameter(2, clock.instant()).executeUpdate();
    }

    /** A pool came or went with its rules: read them again once that commits. */
    void forgetRules(@Observes PoolsChanged changed) {
        cache.forgetAfterCompletion(Long.toString(changed.storeId()));
    }

    /** The default pool's rules: what applies where no pool is named (GET /pool/rules without poolId). */
    public PoolRules current() {
        return currentVersioned().rules();
    }

    public Versioned currentVersioned() {
        return storeRules().byPool().get(PoolDirectory.DEFAULT_POOL);
    }

    /** The rules of a pool of the store; those of the default pool for a pool deleted meanwhile (its customers went there). */
    public PoolRules of(long poolId) {
        Versioned rules = storeRules().byPool().get(poolId);
        return rules != null ? rules.rules() : current();
    }

    /** The rules of a pool of the store, with their version; null if the store has no such pool. */
    public Versioned versioned(long poolId) {
        return storeRules().byPool().get(poolId);
    }

    /**
     * The rules of the pool named (the default pool if none), with their version: 404 when the store has no such
     * pool or the calling rep is not in it.
     */
    public Versioned visible(Long poolId) {
        return versioned(visiblePoolId(poolId));
    }

    /** The pool named (the default pool if none), checked as {@link #visible} checks it. */
    public long visiblePoolId(Long poolId) {
        long id = orDefault(poolId);
        if (versioned(id) == null || !pools.canSeePool(id)) {
            throw DomainException.notFound("Pool " + id);
        }
        return id;
    }

    /** The pool named, or the default pool where none is (the API's poolId is optional). */
    private static long orDefault(Long poolId) {
        return poolId == null ? PoolDirectory.DEFAULT_POOL : poolId;
    }

    /** Every pool's rules, by pool id. */
    public Map<Long, PoolRules> all() {
        Map<Long, PoolRules> result = new TreeMap<>();
        storeRules().byPool().forEach((pool, versioned) -> result.put(pool, versioned.rules()));
        return result;
    }

    /** The store's limits across all pools, with their version (0 before any change). */
    public VersionedLimits limitsVersioned() {
        return storeRules().limits();
    }

    public StoreLimits limits() {
        return limitsVersioned().limits();
    }

    /** Whether a claim or an assignment must count anything: a limit of the store's, or of any pool, is on. */
    public boolean anyLimit() {
        return limits().any() || all().values().stream()
                .anyMatch(r -> r.maxPrivateCustomersPerRep() > 0 || r.maxClaimsPerRepPerDay() > 0);
    }

    /** Replaces the store's limits (PUT /pool/limits); with an expected version, a stale one answers 412. */
    @Transactional
    public VersionedLimits saveLimits(StoreLimits limits, Long expectedVersion) {
        cache.forgetAfterCompletion(Long.toString(tenant.storeId()));
        em.createNativeQuery("insert into pool_store_limits (store_id, updated_at) values (?1, ?2) on conflict do nothing")
                .setParameter(1, tenant.storeId()).setParameter(2, clock.instant()).executeUpdate();
        long version = ((Number) em.createNativeQuery("select version from pool_store_limits where store_id = ?1 "
                + "for update").setParameter(1, tenant.storeId()).getSingleResult()).longValue();
        if (expectedVersion != null && expectedVersion != version) {
            throw new DomainException(ProblemType.PRECONDITION_FAILED,
                    "The store's limits were changed by someone else (now version " + version + "): reload and try again");
        }
        em.createNativeQuery("update pool_store_limits set max_private_customers_per_rep = ?2, "
                + "max_claims_per_rep_per_day = ?3, updated_at = ?4, version = version + 1 where store_id = ?1")
                .setParameter(1, tenant.storeId()).setParameter(2, limits.maxPrivateCustomersPerRep())
                .setParameter(3, limits.maxClaimsPerRepPerDay()).setParameter(4, clock.instant()).executeUpdate();
        return new VersionedLimits(limits, version + 1);
    }

    /** The store's rules, kept in memory between changes (every instance hears of a change: V79). */
    private StoreRules storeRules() {
        return cache.get(Long.toString(tenant.storeId()), this::load);
    }

    private StoreRules load() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select return_after_days_without_follow_up, "
                + "return_after_days_without_deal, warn_days_before_return, max_private_customers_per_rep, "
                + "max_claims_per_rep_per_day, reclaim_cooldown_days, purge_unclaimed_after_days, mask_contacts, "
                + "cast(stage_follow_up_days as text), version, exempt_open_deals, pool_id, escalate_days_before_return, "
                + "cast(field_visibility as text) "
                + "from pool_rules "
                + "where store_id = ?1 order by pool_id")
                .setParameter(1, tenant.storeId()).getResultList();
        Map<Long, Versioned> byPool = new LinkedHashMap<>();
        for (Object[] r : rows) {
            Map<String, Integer> stages;
            FieldVisibility visibility;
            try {
                stages = mapper.readValue((String) r[8], new TypeReference<LinkedHashMap<String, Integer>>() {
                });
                visibility = mapper.readValue((String) r[13], FieldVisibility.class).complete();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            byPool.put(((Number) r[11]).longValue(), new Versioned(new PoolRules(i(r[0]), i(r[1]), i(r[2]), i(r[3]),
                    i(r[4]), i(r[5]), i(r[6]), (Boolean) r[7], Collections.unmodifiableMap(stages), (Boolean) r[10], i(r[12]),
                    visibility),
                    ((Number) r[9]).longValue()));
        }
        byPool.putIfAbsent(PoolDirectory.DEFAULT_POOL, new Versioned(PoolRules.defaults(), 0));
        @SuppressWarnings("unchecked")
        List<Object[]> limits = em.createNativeQuery("select max_private_customers_per_rep, max_claims_per_rep_per_day, "
                + "version from pool_store_limits where store_id = ?1").setParameter(1, tenant.storeId()).getResultList();
        VersionedLimits storeLimits = limits.isEmpty() ? new VersionedLimits(StoreLimits.NONE, 0)
                : new VersionedLimits(new StoreLimits(i(limits.get(0)[0]), i(limits.get(0)[1])),
                        ((Number) limits.get(0)[2]).longValue());
        return new StoreRules(Collections.unmodifiableMap(byPool), storeLimits);
    }

    /**
     * Replaces one pool's rules. The pool must be one of the store's (else 404, as for another store's pool); its
     * owned customers' return dates follow in the same transaction (trigger pool_rules_due, V95).
     */
    @Transactional
    public Versioned save(Long pool, PoolRules rules, Long expectedVersion) {
        long poolId = orDefault(pool);
        PoolRules valid = validate(rules);
        cache.forgetAfterCompletion(Long.toString(tenant.storeId()));
        if (poolId == PoolDirectory.DEFAULT_POOL) {
            em.createNativeQuery("insert into pool_rules (store_id, pool_id, updated_at) values (?1, 0, ?2) "
                    + "on conflict do nothing")
                    .setParameter(1, tenant.storeId()).setParameter(2, clock.instant()).executeUpdate();
        }
        @SuppressWarnings("unchecked")
        List<Number> versions = em.createNativeQuery("select version from pool_rules where store_id = ?1 "
                + "and pool_id = ?2 for update")
                .setParameter(1, tenant.storeId()).setParameter(2, poolId).getResultList();
        if (versions.isEmpty()) {
            throw DomainException.notFound("Pool " + poolId);
        }
        pools.requireManage(poolId);
        long version = versions.get(0).longValue();
        if (expectedVersion != null && expectedVersion != version) {
            throw new DomainException(ProblemType.PRECONDITION_FAILED,
                    "The pool rules were changed by someone else (now version " + version + "): reload and try again");
        }
        em.createNativeQuery("update pool_rules set return_after_days_without_follow_up = ?2, "
                + "return_after_days_without_deal = ?3, warn_days_before_return = ?4, max_private_customers_per_rep = ?5, "
                + "max_claims_per_rep_per_day = ?6, reclaim_cooldown_days = ?7, purge_unclaimed_after_days = ?8, "
                + "mask_contacts = ?9, stage_follow_up_days = cast(?10 as jsonb), updated_at = ?11, exempt_open_deals = ?12, "
                + "escalate_days_before_return = ?14, field_visibility = cast(?15 as jsonb), version = version + 1 "
                + "where store_id = ?1 and pool_id = ?13")
                .setParameter(1, tenant.storeId()).setParameter(2, valid.returnAfterDaysWithoutFollowUp())
                .setParameter(3, valid.returnAfterDaysWithoutDeal()).setParameter(4, valid.warnDaysBeforeReturn())
                .setParameter(5, valid.maxPrivateCustomersPerRep()).setParameter(6, valid.maxClaimsPerRepPerDay())
                .setParameter(7, valid.reclaimCooldownDays()).setParameter(8, valid.purgeUnclaimedAfterDays())
                .setParameter(9, valid.maskContacts()).setParameter(10, json(valid.stageFollowUpDaysOrEmpty()))
                .setParameter(11, clock.instant()).setParameter(12, valid.exemptsOpenDeals())
                .setParameter(13, poolId).setParameter(14, valid.escalateDays())
                .setParameter(15, json(valid.fieldVisibilityOrDefault())).executeUpdate();
        return new Versioned(valid, version + 1);
    }

    /**
     * Bean Validation checks each number's range; this checks what spans fields: stage names, and the warning
     * coming strictly before every return rule that is on. Returns the rules with stages in canonical order.
     */
    public PoolRules validate(PoolRules rules) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> stages = new TreeMap<>((a, b) -> Integer.compare(stageOrder(a), stageOrder(b)));
        rules.stageFollowUpDaysOrEmpty().forEach((stage, days) -> {
            String field = "stageFollowUpDays." + stage;
            if (stageOrder(stage) < 0) {
                errors.add(FieldError.oneOf(field, CustomerStage.values()));
            } else if (days == null || days < 0 || days > PoolRules.MAX_DAYS) {
                errors.add(FieldError.range(field, 0, PoolRules.MAX_DAYS, "must be between 0 and " + PoolRules.MAX_DAYS));
            } else {
                stages.put(stage, days);
            }
        });
        int warn = rules.warnDaysBeforeReturn();
        int escalate = rules.escalateDays();
        checkNotice(errors, "warnDaysBeforeReturn", warn, rules, stages);
        checkNotice(errors, "escalateDaysBeforeReturn", escalate, rules, stages);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new PoolRules(rules.returnAfterDaysWithoutFollowUp(), rules.returnAfterDaysWithoutDeal(), warn,
                rules.maxPrivateCustomersPerRep(), rules.maxClaimsPerRepPerDay(), rules.reclaimCooldownDays(),
                rules.purgeUnclaimedAfterDays(), rules.maskContacts(), new LinkedHashMap<>(stages),
                rules.exemptsOpenDeals(), escalate, rules.fieldVisibilityOrDefault());
    }

    /**
     * A notice given {@code ahead} days before a return (the warning, the manager's copy; 0: none) comes strictly
     * before every return rule that is on, the stages' own included: one error per rule it does not.
     */
    private static void checkNotice(List<FieldError> errors, String field, int ahead, PoolRules rules,
            Map<String, Integer> stages) {
        if (ahead == 0) {
            return;
        }
        Map<String, Integer> returnRules = new LinkedHashMap<>();
        returnRules.put("returnAfterDaysWithoutFollowUp", rules.returnAfterDaysWithoutFollowUp());
        returnRules.put("returnAfterDaysWithoutDeal", rules.returnAfterDaysWithoutDeal());
        stages.forEach((stage, days) -> returnRules.put("stageFollowUpDays." + stage, days));
        returnRules.forEach((rule, days) -> {
            if (days > 0 && ahead >= days) {
                errors.add(FieldError.lessThan(field, rule, days));
            }
        });
    }

    private static int stageOrder(String name) {
        for (CustomerStage stage : CustomerStage.values()) {
            if (stage.name().equals(name)) {
                return stage.ordinal();
            }
        }
        return -1;
    }

    String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int i(Object value) {
        return ((Number) value).intValue();
    }
}
