package com.harborcrm.account;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.harborcrm.common.tenancy.TenantContext;

/**
 * The demo store's mark and its removal. A store is a demo store only by {@code stores.demo}, set when the demo
 * story opens it; removing one refuses every other store, so resetting the demo can never touch real data.
 */
@ApplicationScoped
public class DemoStores {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    /** Marks the current store as the demo store. */
    @Transactional
    public void markCurrent() {
        em.createNativeQuery("update stores set demo = true where id = ?1").setParameter(1, tenant.storeId())
                .executeUpdate();
    }

    /** The demo store whose admin signs in with this email, if there is one. */
    public Optional<Long> findByAdminEmail(String email) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select s.id from login_identities li join stores s on s.id = li.store_id "
                + "where li.email = ?1 and s.demo").setParameter(1, email).getResultList();
        return ids.stream().findFirst().map(Number::longValue);
    }

    /**
     * Deletes the demo store and every row of it, in one transaction: the tables holding a {@code store_id} are
     * read from the catalogue (so a feature's new table is never forgotten) and emptied of the store's rows,
     * referencing tables before the tables they reference; a second pass removes what delete triggers wrote
     * meanwhile (statistics that keep deleted customers' history). Refuses a store that is not a demo store.
     *
     * @return how many rows were deleted, by table
     */
    @Transactional
    public Map<String, Integer> delete(long storeId) {
        @SuppressWarnings("unchecked")
        List<Boolean> demo = em.createNativeQuery("select demo from stores where id = ?1 for update")
                .setParameter(1, storeId).getResultList();
        if (demo.isEmpty()) {
            return Map.of();
        }
        if (!Boolean.TRUE.equals(demo.get(0))) {
            throw new IllegalStateException("Store " + storeId + " is not a demo store: it is never deleted");
        }
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (int pass = 0; pass < 2; pass++) {
            for (String table : tablesChildrenFirst()) {
                int rows = em.createNativeQuery("delete from " + table + " where store_id = ?1")
                        .setParameter(1, storeId).executeUpdate();
                deleted.merge(table, rows, Integer::sum);
            }
        }
        deleted.put("stores", em.createNativeQuery("delete from stores where id = ?1").setParameter(1, storeId)
                .executeUpdate());
        return deleted;
    }

    /** The public tables with a store_id column, each after every table with a foreign key to it. */
    private List<String> tablesChildrenFirst() {
        @SuppressWarnings("unchecked")
        List<String> tables = em.createNativeQuery("""
                select c.relname from pg_attribute a join pg_class c on c.oid = a.attrelid
                where a.attname = 'store_id' and not a.attisdropped and c.relkind in ('r', 'p')
                  and c.relnamespace = 'public'::regnamespace and c.relname <> 'stores'
                order by c.relname""").getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> references = em.createNativeQuery("""
                select child.relname, parent.relname from pg_constraint k
                join pg_class child on child.oid = k.conrelid join pg_class parent on parent.oid = k.confrelid
                where k.contype = 'f' and child.relnamespace = 'public'::regnamespace
                  and child.oid <> parent.oid""").getResultList();
        Map<String, Set<String>> referencedBy = new LinkedHashMap<>();
        tables.forEach(t -> referencedBy.put(t, new LinkedHashSet<>()));
        for (Object[] r : references) {
            if (referencedBy.containsKey((String) r[0]) && referencedBy.containsKey((String) r[1])) {
                referencedBy.get((String) r[1]).add((String) r[0]);
            }
        }
        // Depth-first: a table goes out only after every table that references it.
        List<String> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (String table : tables) {
            Deque<String> path = new ArrayDeque<>();
            visit(table, referencedBy, done, path, order);
        }
        return order;
    }

    private static void visit(String table, Map<String, Set<String>> referencedBy, Set<String> done,
            Deque<String> path, List<String> order) {
        if (done.contains(table) || path.contains(table)) {
            return;
        }
        path.push(table);
        for (String child : referencedBy.get(table)) {
            visit(child, referencedBy, done, path, order);
        }
        path.pop();
        done.add(table);
        order.add(table);
    }
}
