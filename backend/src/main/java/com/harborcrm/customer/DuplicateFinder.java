package com.harborcrm.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.customer.CustomerDtos.DuplicateMatch;

/** Finds customers of the store sharing a matching key (normalized email, phone/mobile digits, IM handle). */
@ApplicationScoped
public class DuplicateFinder {

    public static final int MAX_MATCHES = 10;
    /** Never a stored key (those are null or non-empty), so it stands in for "no value" in IN lists. */
    private static final String NONE = "";

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    public record Keys(String email, Set<String> phones, Set<String> imHandles) {

        public static Keys of(String email, String phone, String mobile, List<ImAccount> accounts) {
            Set<String> phones = new TreeSet<>();
            for (String digits : new String[] {ContactKeys.phoneDigits(phone), ContactKeys.phoneDigits(mobile)}) {
                if (digits != null) {
                    phones.add(digits);
                }
            }
            return new Keys(ContactKeys.email(email), phones, ContactKeys.imHandles(accounts));
        }

        /** The keys of this set that {@code other} does not have. */
        Keys without(Keys other) {
            Set<String> newPhones = new TreeSet<>(phones);
            newPhones.removeAll(other.phones());
            Set<String> newHandles = new java.util.LinkedHashSet<>(imHandles);
            newHandles.removeAll(other.imHandles());
            return new Keys(Objects.equals(email, other.email()) ? null : email, newPhones, newHandles);
        }

        boolean isEmpty() {
            return email == null && phones.isEmpty() && imHandles.isEmpty();
        }

        List<String> all() {
            List<String> all = new ArrayList<>();
            if (email != null) {
                all.add("email:" + email);
            }
            phones.forEach(p -> all.add("phone:" + p));
            imHandles.forEach(h -> all.add("im:" + h));
            return all;
        }
    }

    /**
     * Serializes writers of the same keys in this store until the transaction ends, so that two concurrent
     * creates of one buyer cannot both pass the check. Locks are taken in a fixed order to avoid deadlocks.
     */
    public void lock(Keys keys) {
        for (String key : new TreeSet<>(keys.all())) {
            em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, ?2))")
                    .setParameter(1, key).setParameter(2, tenant.storeId()).getSingleResult();
        }
    }

    public List<DuplicateMatch> find(Keys keys, Long excludeId) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<String> phones = keys.phones().isEmpty() ? List.of(NONE) : List.copyOf(keys.phones());
        List<String> handles = keys.imHandles().isEmpty() ? List.of(NONE) : List.copyOf(keys.imHandles());
        String email = keys.email() == null ? NONE : keys.email();
        // One index probe per kind of key, united, then the matches read by id. (One WHERE with an OR over the keys
        // and the handles' join left PostgreSQL nothing to probe: it walked the store's whole primary key, 3 s per
        // check on a million customers when the key matched nobody.)
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                with hits as (
                    select id from customers where store_id = :store and email_norm = :email
                    union
                    select id from customers where store_id = :store and phone_digits in (:phones)
                    union
                    select id from customers where store_id = :store and mobile_digits in (:phones)
                    union
                    select customer_id from customer_im_handles where store_id = :store and handle in (:handles))
                select c.id, c.name, c.company_name, u.name as owner_name,
                       c.email_norm = :email, c.phone_digits in (:phones), c.mobile_digits in (:phones),
                       exists (select 1 from customer_im_handles h
                               where h.store_id = c.store_id and h.customer_id = c.id and h.handle in (:handles))
                from hits
                join customers c on c.store_id = :store and c.id = hits.id
                join customer_owners o on o.store_id = c.store_id and o.customer_id = c.id
                left join users u on u.store_id = c.store_id and u.id = o.owner_id
                where c.id <> :exclude
                order by c.id
                limit :limit""")
                .setParameter("store", tenant.storeId()).setParameter("email", email)
                .setParameter("phones", phones).setParameter("handles", handles)
                .setParameter("exclude", excludeId == null ? 0L : excludeId).setParameter("limit", MAX_MATCHES)
                .getResultList();
        List<DuplicateMatch> matches = new ArrayList<>();
        for (Object[] row : rows) {
            List<String> matchedOn = new ArrayList<>();
            String[] names = {"email", "phone", "mobile", "imAccounts"};
            for (int i = 0; i < names.length; i++) {
                if (Boolean.TRUE.equals(row[4 + i])) {
                    matchedOn.add(names[i]);
                }
            }
            matches.add(new DuplicateMatch(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                    (String) row[3], matchedOn));
        }
        return matches.stream().filter(Objects::nonNull).toList();
    }
}
