package com.harborcrm.merge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.common.sql.SqlArrays;
import com.harborcrm.common.audit.AuditLog;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;
import com.harborcrm.customer.ContactKeys;
import com.harborcrm.customer.Customer;
import com.harborcrm.customer.CustomerEventLog;
import com.harborcrm.customer.CustomerEventType;
import com.harborcrm.customer.CustomerService;
import com.harborcrm.customer.CustomerStage;
import com.harborcrm.customer.ImAccount;
import com.harborcrm.followup.FollowUpService;
import com.harborcrm.merge.MergeDtos.MergeResult;
import com.harborcrm.merge.MergeDtos.UndoMergeResult;

/**
 * Merges duplicates into a surviving customer and undoes it. The survivor keeps its non-empty fields and takes its
 * empty ones from the duplicates (the first in the request's order that has one); tags, IM accounts and purchase
 * categories are united, custom fields filled key by key, inquiry counts added up; follow-ups, inquiries, events,
 * reminders and pool returns move over; the duplicates are deleted. Before anything changes, every row the merge
 * will change or delete is copied into {@code merges.snapshot} (built in SQL, as jsonb), which is what an undo
 * restores, each row with its own id. Owner, source and status stay the survivor's; an UNMARKED stage and unrated
 * stars count as empty and are filled like the text fields.
 */
@ApplicationScoped
public class MergeService {

    public static final Duration UNDO_WINDOW = Duration.ofDays(7);
    /** As CustomerFields allows on a write, so that the merged file stays editable. */
    static final int MAX_IM_ACCOUNTS = 20;
    static final int MAX_PURCHASE_CATEGORIES = 50;
    /** Duplicates described (name, company) in the MERGED event; all ids are listed in any case. */
    static final int EVENT_SUMMARIES = 100;

    /** Tables whose rows point at a customer and move to the survivor (rows keep their ids). */
    private static final List<String> MOVED = List.of("follow_ups", "inquiries", "customer_events", "pool_returns", "orders");

    /**
     * Columns an undo does not take from the snapshot: identity and bookkeeping, and what is recomputed from the
     * restored rows (follow-up dates, score). inquiry_count is restored by difference.
     */
    private static final Set<String> NOT_RESTORED = Set.of("store_id", "id", "version", "created_at", "created_by",
            "updated_at", "inquiry_count", "last_follow_up_at", "next_follow_up_at", "potential_score",
            "score_recent_until");

    @Inject
    EntityManager em;

    @Inject
    com.harborcrm.stats.StatsRegrouping statsRegrouping;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper mapper;

    @Inject
    CustomerService customers;

    @Inject
    FollowUpService followUps;

    @Inject
    CustomerEventLog events;

    @Inject
    AuditLog audit;

    /** A text field of the customer file: how to read it and how to set it. */
    private record TextField(String name, String column, Function<Customer, String> get, BiConsumer<Customer, String> set) {
    }

    private static final List<TextField> TEXT_FIELDS = List.of(
            new TextField("companyName", "company_name", c -> c.companyName, (c, v) -> c.companyName = v),
            new TextField("position", "position", c -> c.position, (c, v) -> c.position = v),
            new TextField("email", "email", c -> c.email, (c, v) -> c.email = v),
            new TextField("phone", "phone", c -> c.phone, (c, v) -> c.phone = v),
            new TextField("mobile", "mobile", c -> c.mobile, (c, v) -> c.mobile = v),
            new TextField("fax", "fax", c -> c.fax, (c, v) -> c.fax = v),
            new TextField("website", "website", c -> c.website, (c, v) -> c.website = v),
            new TextField("country", "country", c -> c.country, (c, v) -> c.country = v),
            new TextField("region", "region", c -> c.region, (c, v) -> c.region = v),
            new TextField("city", "city", c -> c.city, (c, v) -> c.city = v),
            new TextField("address", "address", c -> c.address, (c, v) -> c.address = v),
            new TextField("postcode", "postcode", c -> c.postcode, (c, v) -> c.postcode = v),
            new TextField("businessType", "business_type", c -> c.businessType, (c, v) -> c.businessType = v),
            new TextField("mainProducts", "main_products", c -> c.mainProducts, (c, v) -> c.mainProducts = v),
            new TextField("annualPurchaseAmount", "annual_purchase_amount", c -> c.annualPurchaseAmount,
                    (c, v) -> c.annualPurchaseAmount = v),
            new TextField("companySize", "company_size", c -> c.companySize, (c, v) -> c.companySize = v),
            new TextField("notes", "notes", c -> c.notes, (c, v) -> c.notes = v));

    @Transactional
    public MergeResult merge(long survivorId, List<Long> requested) {
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(requested));
        if (ids.contains(survivorId)) {
            throw DomainException.invalid("duplicateIds", "must not contain the surviving customer");
        }
        long store = tenant.storeId();
        String idArray = SqlArrays.bigints(ids);
        lockAll(survivorId, ids);
        Customer survivor = Customer.findById(survivorId);
        Instant now = clock.instant();

        Number mergeId = (Number) em.createNativeQuery("""
                insert into merges (store_id, survivor_id, duplicate_ids, snapshot, merged_by, merged_at)
                select :store, :survivor, cast(:ids as bigint[]), jsonb_build_object(
                  'survivor', (select to_jsonb(c) from customers c where c.store_id = :store and c.id = :survivor),
                  'duplicates', (select jsonb_agg(to_jsonb(c) order by c.id) from customers c
                                 where c.store_id = :store and c.id = any(cast(:ids as bigint[]))),
                  'owners', (select jsonb_agg(to_jsonb(o) order by o.customer_id) from customer_owners o
                             where o.store_id = :store and o.customer_id = any(cast(:ids as bigint[]))),
                  'tags', (select coalesce(jsonb_agg(to_jsonb(t)), '[]') from customer_tags t
                           where t.store_id = :store and t.customer_id = any(cast(:ids as bigint[]))),
                  'handles', (select coalesce(jsonb_agg(to_jsonb(h)), '[]') from customer_im_handles h
                              where h.store_id = :store and h.customer_id = any(cast(:ids as bigint[]))),
                  'survivorTags', (select coalesce(jsonb_agg(t.tag_id), '[]') from customer_tags t
                                   where t.store_id = :store and t.customer_id = :survivor),
                  'reminders', (select coalesce(jsonb_agg(to_jsonb(r)), '[]') from reminders r
                                where r.store_id = :store and r.customer_id = any(cast(:ids as bigint[]))),
                  'moved', jsonb_build_object(%s)),
                  :actor, :now
                returning id""".formatted(MOVED.stream().map(t -> ("'%1$s', (select coalesce(jsonb_agg(jsonb_build_array(x.id, "
                        + "x.customer_id)), '[]') from %1$s x where x.store_id = :store and x.customer_id = any(cast(:ids "
                        + "as bigint[])))").formatted(t)).collect(Collectors.joining(", "))))
                .setParameter("store", store).setParameter("survivor", survivorId).setParameter("ids", idArray)
                .setParameter("actor", currentUser.id()).setParameter("now", now).getSingleResult();

        List<String> filled = fill(survivor, ids);

        em.createNativeQuery("insert into customer_tags (store_id, customer_id, tag_id) "
                + "select distinct store_id, ?2, tag_id from customer_tags where store_id = ?1 "
                + "and customer_id = any(cast(?3 as bigint[])) on conflict do nothing")
                .setParameter(1, store).setParameter(2, survivorId).setParameter(3, idArray).executeUpdate();
        List<Long> concerned = new ArrayList<>(ids);
        concerned.add(survivorId);
        statsRegrouping.moveEvents(store, concerned, () -> {
            for (String table : MOVED) {
                em.createNativeQuery("update " + table + " set customer_id = ?2 where store_id = ?1 "
                        + "and customer_id = any(cast(?3 as bigint[]))")
                        .setParameter(1, store).setParameter(2, survivorId).setParameter(3, idArray).executeUpdate();
            }
        });
        // Reminders are unique per customer, kind and window: one of each moves, the rest go with the duplicate.
        em.createNativeQuery("""
                update reminders set customer_id = :survivor where store_id = :store and id in (
                  select distinct on (r.kind, r.window_start) r.id from reminders r
                  where r.store_id = :store and r.customer_id = any(cast(:ids as bigint[]))
                    and not exists (select 1 from reminders s where s.store_id = :store and s.customer_id = :survivor
                                    and s.kind = r.kind and s.window_start = r.window_start)
                  order by r.kind, r.window_start, r.id)""")
                .setParameter("store", store).setParameter("survivor", survivorId).setParameter("ids", idArray)
                .executeUpdate();

        survivor.updatedAt = now;
        em.flush();
        customers.writeImHandles(survivor);
        em.createNativeQuery("delete from customers where store_id = ?1 and id = any(cast(?2 as bigint[]))")
                .setParameter(1, store).setParameter(2, idArray).executeUpdate();
        followUps.refreshCustomer(survivor, now);

        List<Object> summaries = readList(em.createNativeQuery("""
                select cast(coalesce(jsonb_agg(jsonb_build_object('id', d->'id', 'name', d->'name',
                                                                  'companyName', d->'company_name',
                                                                  'ownerId', (select o->'owner_id'
                                                                              from jsonb_array_elements(x.owners) o
                                                                              where o->'customer_id' = d->'id'))), '[]') as text)
                from (select jsonb_array_elements(snapshot->'duplicates') d, snapshot->'owners' as owners
                      from merges where store_id = ?1 and id = ?2 limit ?3) x""")
                .setParameter(1, store).setParameter(2, mergeId.longValue()).setParameter(3, EVENT_SUMMARIES)
                .getSingleResult());
        events.record(survivorId, CustomerEventType.MERGED, now, currentUser.id(), CustomerService.context(survivor,
                "mergeId", mergeId.longValue(), "duplicateIds", ids, "duplicates", summaries, "filledFields", filled));
        audit.record("CUSTOMERS_MERGED", "customer", survivorId, Map.of("mergeId", mergeId.longValue(),
                "duplicateIds", ids));
        // The survivor as the merge left it: an undo keeps whatever was changed after.
        em.createNativeQuery("update merges set snapshot = jsonb_set(snapshot, '{survivorAfter}', "
                + "(select to_jsonb(c) from customers c where c.store_id = ?1 and c.id = ?2)) "
                + "where store_id = ?1 and id = ?3")
                .setParameter(1, store).setParameter(2, survivorId).setParameter(3, mergeId.longValue()).executeUpdate();
        return new MergeResult(mergeId.longValue(), customers.view(survivor), ids, filled, now.plus(UNDO_WINDOW));
    }

    /** Locks the survivor and the duplicates in id order; any not in this store is a 404, like a missing id. */
    private void lockAll(long survivorId, List<Long> ids) {
        List<Long> all = new ArrayList<>(ids);
        all.add(survivorId);
        @SuppressWarnings("unchecked")
        List<Number> found = em.createNativeQuery("select id from customers where store_id = ?1 "
                + "and id = any(cast(?2 as bigint[])) order by id for update")
                .setParameter(1, tenant.storeId()).setParameter(2, SqlArrays.bigints(all)).getResultList();
        Set<Long> present = found.stream().map(Number::longValue).collect(Collectors.toSet());
        if (!present.contains(survivorId)) {
            throw DomainException.notFound("Customer " + survivorId);
        }
        List<Long> missing = ids.stream().filter(id -> !present.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw DomainException.notFound("Customer " + missing.stream().limit(20).map(String::valueOf)
                    .collect(Collectors.joining(", ")) + (missing.size() > 20 ? " and " + (missing.size() - 20) + " more" : ""));
        }
    }

    /** Fills the survivor's empty fields from the duplicates, in the request's order; answers the fields filled. */
    private List<String> fill(Customer survivor, List<Long> ids) {
        String firsts = TEXT_FIELDS.stream().map(f -> ("(array_agg(c.%1$s order by o.pos) "
                + "filter (where nullif(btrim(c.%1$s), '') is not null))[1]").formatted(f.column()))
                .collect(Collectors.joining(", "));
        Object[] row = (Object[]) em.createNativeQuery("""
                select %s,
                       (array_agg(c.stage order by o.pos) filter (where c.stage <> 'UNMARKED'))[1],
                       (array_agg(c.stars order by o.pos) filter (where c.stars > 0))[1],
                       sum(c.inquiry_count), max(c.last_inquiry_at),
                       cast(jsonb_agg(c.im_accounts order by o.pos) as text),
                       cast(jsonb_agg(c.purchase_categories order by o.pos) as text),
                       cast(jsonb_agg(c.custom_fields order by o.pos) as text)
                from unnest(cast(:ids as bigint[])) with ordinality as o(id, pos)
                join customers c on c.store_id = :store and c.id = o.id""".formatted(firsts))
                .setParameter("store", tenant.storeId()).setParameter("ids", SqlArrays.bigints(ids)).getSingleResult();
        List<String> filled = new ArrayList<>();
        for (int i = 0; i < TEXT_FIELDS.size(); i++) {
            TextField field = TEXT_FIELDS.get(i);
            String current = field.get().apply(survivor);
            if ((current == null || current.isBlank()) && row[i] != null) {
                field.set().accept(survivor, (String) row[i]);
                filled.add(field.name());
            }
        }
        int n = TEXT_FIELDS.size();
        if (survivor.stage == CustomerStage.UNMARKED && row[n] != null) {
            survivor.stage = CustomerStage.valueOf((String) row[n]);
            filled.add("stage");
        }
        if (survivor.stars == 0 && row[n + 1] != null) {
            survivor.stars = ((Number) row[n + 1]).shortValue();
            filled.add("stars");
        }
        survivor.inquiryCount += row[n + 2] == null ? 0 : ((Number) row[n + 2]).intValue();
        Instant lastInquiry = Instants.of(row[n + 3]);
        if (lastInquiry != null && (survivor.lastInquiryAt == null || lastInquiry.isAfter(survivor.lastInquiryAt))) {
            survivor.lastInquiryAt = lastInquiry;
        }

        List<ImAccount> accounts = new ArrayList<>(survivor.imAccounts);
        Set<String> handles = new LinkedHashSet<>(ContactKeys.imHandles(accounts));
        for (List<ImAccount> list : read((String) row[n + 4], new TypeReference<List<List<ImAccount>>>() { })) {
            for (ImAccount account : list) {
                String key = ContactKeys.imHandle(account);
                if (accounts.size() < MAX_IM_ACCOUNTS && key != null && handles.add(key)) {
                    accounts.add(account);
                }
            }
        }
        if (accounts.size() > survivor.imAccounts.size()) {
            survivor.imAccounts = accounts;
            filled.add("imAccounts");
        }
        Set<String> categories = new LinkedHashSet<>(survivor.purchaseCategories);
        int before = categories.size();
        for (List<String> list : read((String) row[n + 5], new TypeReference<List<List<String>>>() { })) {
            list.stream().filter(c -> categories.size() < MAX_PURCHASE_CATEGORIES).forEach(categories::add);
        }
        if (categories.size() > before) {
            survivor.purchaseCategories = new ArrayList<>(categories);
            filled.add("purchaseCategories");
        }
        Map<String, Object> custom = new LinkedHashMap<>(survivor.customFields);
        int keys = custom.size();
        for (Map<String, Object> values : read((String) row[n + 6], new TypeReference<List<Map<String, Object>>>() { })) {
            values.forEach(custom::putIfAbsent);
        }
        if (custom.size() > keys) {
            survivor.customFields = custom;
            filled.add("customFields");
        }
        survivor.emailNorm = ContactKeys.email(survivor.email);
        survivor.phoneDigits = ContactKeys.phoneDigits(survivor.phone);
        survivor.mobileDigits = ContactKeys.phoneDigits(survivor.mobile);
        return filled;
    }

    /**
     * Puts the duplicates back with their own rows and ids, moves their follow-ups, inquiries, events, reminders and
     * pool returns back, and gives the survivor its fields from before the merge, except those changed since.
     */
    @Transactional
    public UndoMergeResult undo(long mergeId) {
        long store = tenant.storeId();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select survivor_id, merged_at, undone_at, "
                + "cast(duplicate_ids as text) from merges where store_id = ?1 and id = ?2 for update")
                .setParameter(1, store).setParameter(2, mergeId).getResultList();
        if (rows.isEmpty()) {
            throw DomainException.notFound("Merge " + mergeId);
        }
        long survivorId = ((Number) rows.get(0)[0]).longValue();
        Instant mergedAt = Instants.of(rows.get(0)[1]);
        Instant now = clock.instant();
        if (rows.get(0)[2] != null) {
            throw new DomainException(ProblemType.MERGE_ALREADY_UNDONE, "Merge " + mergeId + " was already undone");
        }
        if (now.isAfter(mergedAt.plus(UNDO_WINDOW))) {
            throw new DomainException(ProblemType.MERGE_UNDO_EXPIRED, "Merge " + mergeId + " was done on " + mergedAt
                    + ": merges can be undone for " + UNDO_WINDOW.toDays() + " days");
        }
        String idArray = (String) rows.get(0)[3];
        List<Number> survivorRow = lockedIds(List.of(survivorId));
        if (survivorRow.isEmpty()) {
            throw new DomainException(ProblemType.CONFLICT, "The surviving customer " + survivorId
                    + " was deleted since the merge, and its records with it: the merge cannot be undone");
        }

        List<String> columns = writableCustomerColumns();
        em.createNativeQuery("insert into customers (" + String.join(", ", columns) + ") select "
                + String.join(", ", columns) + " from jsonb_populate_recordset(null::customers, "
                + "(select snapshot->'duplicates' from merges where store_id = ?1 and id = ?2))")
                .setParameter(1, store).setParameter(2, mergeId).executeUpdate();
        // Their owners as they were (the clocks restart where they stood; the return date follows the rules now),
        // and their pools: the default one where the pool was deleted since, or the snapshot is older than pools.
        em.createNativeQuery("insert into customer_owners (store_id, customer_id, owner_id, owned_since, pooled_since, "
                + "pool_id) select r.store_id, r.customer_id, r.owner_id, r.owned_since, r.pooled_since, "
                + "coalesce((select p.id from pools p where p.store_id = r.store_id and p.id = r.pool_id), 0) from merges m, "
                + "jsonb_populate_recordset(null::customer_owners, m.snapshot->'owners') r "
                + "where m.store_id = ?1 and m.id = ?2")
                .setParameter(1, store).setParameter(2, mergeId).executeUpdate();
        // Tags deleted since the merge are gone for good.
        em.createNativeQuery("insert into customer_tags select r.* from merges m, "
                + "jsonb_populate_recordset(null::customer_tags, m.snapshot->'tags') r "
                + "where m.store_id = ?1 and m.id = ?2 and exists (select 1 from tags t where t.store_id = r.store_id "
                + "and t.id = r.tag_id)")
                .setParameter(1, store).setParameter(2, mergeId).executeUpdate();
        em.createNativeQuery("insert into customer_im_handles select r.* from merges m, "
                + "jsonb_populate_recordset(null::customer_im_handles, m.snapshot->'handles') r "
                + "where m.store_id = ?1 and m.id = ?2")
                .setParameter(1, store).setParameter(2, mergeId).executeUpdate();
        List<Long> concerned = new ArrayList<>(SqlArrays.bigintsOf(idArray));
        concerned.add(survivorId);
        statsRegrouping.moveEvents(store, concerned, () -> {
            for (String table : MOVED) {
                em.createNativeQuery("update " + table + " x set customer_id = (e.value->>1)::bigint from merges m, "
                        + "jsonb_array_elements(m.snapshot->'moved'->'" + table + "') e "
                        + "where m.store_id = ?1 and m.id = ?2 and x.store_id = ?1 and x.id = (e.value->>0)::bigint "
                        + "and x.customer_id = ?3")
                        .setParameter(1, store).setParameter(2, mergeId).setParameter(3, survivorId).executeUpdate();
            }
        });
        em.createNativeQuery("update reminders x set customer_id = r.customer_id from merges m, "
                + "jsonb_populate_recordset(null::reminders, m.snapshot->'reminders') r "
                + "where m.store_id = ?1 and m.id = ?2 and x.store_id = ?1 and x.id = r.id and x.customer_id = ?3")
                .setParameter(1, store).setParameter(2, mergeId).setParameter(3, survivorId).executeUpdate();
        em.createNativeQuery("insert into reminders select r.* from merges m, "
                + "jsonb_populate_recordset(null::reminders, m.snapshot->'reminders') r "
                + "where m.store_id = ?1 and m.id = ?2 "
                + "and not exists (select 1 from reminders x where x.store_id = ?1 and x.id = r.id) on conflict do nothing")
                .setParameter(1, store).setParameter(2, mergeId).executeUpdate();
        // Tags the survivor gained only through the merge go; tags set on it since stay.
        em.createNativeQuery("delete from customer_tags t using merges m where m.store_id = ?1 and m.id = ?2 "
                + "and t.store_id = ?1 and t.customer_id = ?3 "
                + "and t.tag_id in (select (r->>'tag_id')::bigint from jsonb_array_elements(m.snapshot->'tags') r) "
                + "and not (m.snapshot->'survivorTags' @> to_jsonb(t.tag_id))")
                .setParameter(1, store).setParameter(2, mergeId).setParameter(3, survivorId).executeUpdate();
        restoreSurvivor(mergeId, survivorId, now, columns);

        em.clear();
        Customer survivor = Customer.findById(survivorId);
        customers.writeImHandles(survivor);
        followUps.refreshCustomer(survivor, now);
        List<Long> restored = readList(idArray.replace('{', '[').replace('}', ']')).stream()
                .map(id -> ((Number) id).longValue()).toList();
        em.createNativeQuery("update merges set undone_by = ?3, undone_at = ?4 where store_id = ?1 and id = ?2")
                .setParameter(1, store).setParameter(2, mergeId).setParameter(3, currentUser.id())
                .setParameter(4, now).executeUpdate();
        events.record(survivorId, CustomerEventType.MERGE_UNDONE, now, currentUser.id(),
                CustomerService.context(survivor, "mergeId", mergeId, "restoredIds", restored));
        audit.record("CUSTOMERS_UNMERGED", "customer", survivorId, Map.of("mergeId", mergeId, "restoredIds", restored));
        return new UndoMergeResult(mergeId, customers.view(survivor), restored);
    }

    /** The customers columns an insert or update may name: generated ones (V75's contact flags) follow the row. */
    @SuppressWarnings("unchecked")
    private List<String> writableCustomerColumns() {
        return em.createNativeQuery("select column_name from information_schema.columns where table_schema = "
                + "current_schema() and table_name = 'customers' and is_generated = 'NEVER' order by ordinal_position")
                .getResultList();
    }

    /**
     * Three-way per column: where the survivor still holds what the merge gave it, the value from before the merge
     * comes back; a column changed since the merge keeps its new value. Inquiries counted since stay counted.
     */
    private void restoreSurvivor(long mergeId, long survivorId, Instant now, List<String> columns) {
        List<String> restored = columns.stream().filter(c -> !NOT_RESTORED.contains(c)).toList();
        String targets = String.join(", ", restored);
        String values = restored.stream().map(c -> "r." + c).collect(Collectors.joining(", "));
        em.createNativeQuery("""
                update customers c set (%s) = (select %s from jsonb_populate_record(null::customers, (
                    select jsonb_object_agg(b.key, case when cur.value = a.value then b.value else cur.value end)
                    from jsonb_each(m.snapshot->'survivor') b
                    join jsonb_each(m.snapshot->'survivorAfter') a on a.key = b.key
                    join jsonb_each(to_jsonb(c)) cur on cur.key = b.key)) r),
                  inquiry_count = greatest(0, c.inquiry_count - (m.snapshot->'survivorAfter'->>'inquiry_count')::integer
                                              + (m.snapshot->'survivor'->>'inquiry_count')::integer),
                  updated_at = :now, version = c.version + 1
                from merges m
                where m.store_id = :store and m.id = :merge and c.store_id = :store and c.id = :survivor"""
                .formatted(targets, values))
                .setParameter("store", tenant.storeId()).setParameter("merge", mergeId)
                .setParameter("survivor", survivorId).setParameter("now", now).executeUpdate();
    }

    private List<Number> lockedIds(List<Long> ids) {
        @SuppressWarnings("unchecked")
        List<Number> found = em.createNativeQuery("select id from customers where store_id = ?1 "
                + "and id = any(cast(?2 as bigint[])) order by id for update")
                .setParameter(1, tenant.storeId()).setParameter(2, SqlArrays.bigints(ids)).getResultList();
        return found;
    }

    private List<Object> readList(Object json) {
        return json == null ? List.of() : read((String) json, new TypeReference<List<Object>>() { });
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json == null ? "[]" : json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
