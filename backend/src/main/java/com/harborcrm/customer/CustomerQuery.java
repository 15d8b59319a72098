package com.harborcrm.customer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.customfield.CustomFieldDefinition;
import com.harborcrm.customfield.CustomFieldType;

/**
 * Turns a {@link CustomerFilter} into a parameterized SQL condition over {@code customers c}, always starting
 * with {@code c.store_id = :store}. Native SQL is not covered by Hibernate's tenant filter, so the store
 * condition here is what keeps stores apart. Values are only ever bound as parameters.
 */
@ApplicationScoped
public class CustomerQuery {


    public static final int MAX_LIST_VALUES = 100;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** Shorter digit runs (a year, a house number) narrow too little to be worth leaving the rest of q out. */
    static final int INDEX_DIGITS = 4;
    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]{" + INDEX_DIGITS + ",}");

    @Inject
    PoolAccess pools;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    ObjectMapper mapper;

    @Inject
    EntityManager em;

    /** A SQL condition and its named parameters. */
    public record Where(String sql, Map<String, Object> params) {
    }

    /**
     * @param ownOnly restrict to the caller's own customers (what reps may screen)
     */
    public Where where(CustomerFilter f, boolean ownOnly) {
        return where(f, ownOnly, true);
    }

    /**
     * @param searchContacts whether {@code q} also matches email and phone/mobile digits; false where the caller
     *        sees contacts masked (reps in the pool), or searching would reveal them a character at a time
     */
    public Where where(CustomerFilter f, boolean ownOnly, boolean searchContacts) {
        List<FieldError> errors = new ArrayList<>();
        StringBuilder sql = new StringBuilder("c.store_id = :store");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("store", tenant.storeId());
        if (ownOnly) {
            sql.append(" and ").append(Ownership.ownerIs("c", "= :caller"));
            params.put("caller", currentUser.id());
        }
        if (f.q() != null && !f.q().isBlank()) {
            String q = f.q().trim();
            if (q.length() > CustomerFilter.MAX_SEARCH) {
                errors.add(FieldError.length("q", 0, CustomerFilter.MAX_SEARCH,
                        "must be at most " + CustomerFilter.MAX_SEARCH + " characters"));
            }
            params.put("q", "%" + likeEscape(q) + "%");
            params.put("qIndex", "%" + likeEscape(indexPart(q)) + "%");
            String digits = q.replaceAll("[^0-9]", "");
            boolean phoneLike = digits.length() >= 3 && q.matches("[+0-9 ()./-]+");
            // A whole email, number or IM handle finds its customer for every caller, also where contacts are
            // masked: whoever types one already knows it, while a part of one (which a rep could extend a
            // character at a time) finds nothing there.
            String email = q.contains("@") ? ContactKeys.email(q) : null;
            String number = phoneLike ? ContactKeys.phoneDigits(q) : null;
            List<Long> byHandle = customersWithHandle(q);
            // The candidates: the side table's trigram index (V93: one text over all searched fields) and each
            // whole-key arm by its b-tree (V2's contact key indexes), as one IN over a UNION ALL, which PostgreSQL
            // turns into a semi-join it can drive from the candidates (rare q: a few index pages, then the
            // customers' primary key) or from the page's order (common q: a probe of customer_search's primary key
            // per row until the page is full). Under an OR with the key arms it could do neither and would scan
            // the store.
            sql.append(" and c.id in (select s.customer_id from customer_search s where s.store_id = :store"
                    + " and (s.search_text ilike :qIndex");
            // q's digits as one number are asked for too, unless the index is asked for a run of q's digits: a
            // phone number holding them all holds that run (a second GIN scan of frequent digit trigrams saved).
            if (phoneLike && searchContacts && !DIGIT_RUN.matcher(q).find()) {
                sql.append(" or s.search_text like :qDigits");
            }
            sql.append(')');
            if (email != null) {
                sql.append(" union all select e.id from customers e where e.store_id = :store and e.email_norm = :qEmail");
                params.put("qEmail", email);
            }
            if (number != null) {
                sql.append(" union all select n.id from customers n where n.store_id = :store"
                        + " and (n.phone_digits = :qNumber or n.mobile_digits = :qNumber)");
                params.put("qNumber", number);
            }
            if (!byHandle.isEmpty()) {
                sql.append(" union all select h.id from customers h where h.store_id = :store and h.id in (:qHandleIds)");
                params.put("qHandleIds", byHandle);
            }
            // Then what q really matches: the fields the caller may search, with the whole q, or a whole key.
            sql.append(") and (c.name ilike :q or c.company_name ilike :q");
            if (searchContacts) {
                sql.append(" or c.email ilike :q");
            }
            if (phoneLike && searchContacts) {
                params.put("qDigits", "%" + digits + "%");
                sql.append(" or c.phone_digits like :qDigits or c.mobile_digits like :qDigits");
            }
            if (email != null) {
                sql.append(" or c.email_norm = :qEmail");
            }
            if (number != null) {
                sql.append(" or c.phone_digits = :qNumber or c.mobile_digits = :qNumber");
            }
            if (!byHandle.isEmpty()) {
                sql.append(" or c.id in (:qHandleIds)");
            }
            sql.append(')');
        }
        in(sql, params, "stage", "c.stage", names(f.stage()), errors);
        if (f.stars() != null && f.stars().stream().anyMatch(s -> s == null || s < 0 || s > 3)) {
            errors.add(FieldError.range("stars", 0, 3, "must be between 0 and 3"));
        }
        in(sql, params, "stars", "c.stars", f.stars() == null ? null : f.stars().stream().map(Integer::shortValue).toList(), errors);
        in(sql, params, "status", "c.status", names(f.status()), errors);
        in(sql, params, "source", "c.source", names(f.source()), errors);
        List<String> countries = f.country() == null ? null
                : f.country().stream().map(c -> c == null ? "" : c.trim().toUpperCase(Locale.ROOT)).toList();
        if (countries != null && !COUNTRIES.containsAll(countries)) {
            errors.add(new FieldError("country", "must be ISO 3166-1 alpha-2 country codes such as US or CN"));
        }
        in(sql, params, "country", "c.country", countries, errors);
        if (f.tag() != null && !f.tag().isEmpty()) {
            checkSize("tag", f.tag(), errors);
            sql.append(" and exists (select 1 from customer_tags ct where ct.store_id = c.store_id"
                    + " and ct.customer_id = c.id and ct.tag_id in (:anyTags))");
            params.put("anyTags", f.tag());
        }
        if (f.tagAll() != null && !f.tagAll().isEmpty()) {
            checkSize("tagAll", f.tagAll(), errors);
            Set<Long> all = new LinkedHashSet<>(f.tagAll());
            sql.append(" and (select count(*) from customer_tags ct where ct.store_id = c.store_id"
                    + " and ct.customer_id = c.id and ct.tag_id in (:allTags)) = :allTagCount");
            params.put("allTags", List.copyOf(all));
            params.put("allTagCount", all.size());
        }
        if (f.ownerId() != null && !f.ownerId().isBlank()) {
            String owner = f.ownerId().trim();
            if (owner.equals("none")) {
                // The pool: a rep's, the pools they belong to (a pool they are not in is not theirs to see).
                List<Long> visible = pools.visiblePools();
                sql.append(" and ").append(Ownership.ownerIs("c", visible == null ? "is null"
                        : "is null and " + PoolAccess.inVisiblePools("o")));
                if (visible != null) {
                    params.put("visiblePools", com.harborcrm.common.sql.SqlArrays.bigints(visible));
                }
            } else {
                Long ownerId = owner.equals("me") ? Long.valueOf(currentUser.id()) : parseLong(owner);
                if (ownerId == null) {
                    errors.add(new FieldError("ownerId", "must be a user id, me or none"));
                } else {
                    sql.append(" and ").append(Ownership.ownerIs("c", "= :owner"));
                    params.put("owner", ownerId);
                }
            }
        }
        if (f.poolId() != null && !f.poolId().isEmpty()) {
            checkSize("poolId", f.poolId(), errors);
            sql.append(" and exists (select 1 from customer_owners o where o.store_id = c.store_id"
                    + " and o.customer_id = c.id and o.pool_id in (:poolIds))");
            params.put("poolIds", List.copyOf(new LinkedHashSet<>(f.poolId())));
        }
        range(sql, params, "c.created_at", f.createdFrom(), f.createdTo(), "created");
        range(sql, params, "c.last_follow_up_at", f.lastFollowUpFrom(), f.lastFollowUpTo(), "lastFollowUp");
        range(sql, params, "c.next_follow_up_at", null, f.nextFollowUpBefore(), "nextFollowUp");
        if (f.hasEmail() != null) {
            sql.append(f.hasEmail() ? " and c.has_email" : " and not c.has_email");
        }
        if (f.hasPhone() != null) {
            sql.append(f.hasPhone() ? " and c.has_phone" : " and not c.has_phone");
        }
        if (f.scoreMin() != null || f.scoreMax() != null) {
            if ((f.scoreMin() != null && (f.scoreMin() < 0 || f.scoreMin() > 100))
                    || (f.scoreMax() != null && (f.scoreMax() < 0 || f.scoreMax() > 100))) {
                errors.add(FieldError.range(f.scoreMin() != null && (f.scoreMin() < 0 || f.scoreMin() > 100) ? "scoreMin"
                        : "scoreMax", 0, 100, "must be between 0 and 100"));
            }
            range(sql, params, "c.potential_score", f.scoreMin() == null ? null : f.scoreMin().shortValue(),
                    f.scoreMax() == null ? null : (short) (f.scoreMax() + 1), "score");
        }
        if (f.cf() != null && !f.cf().isEmpty()) {
            customFields(sql, params, f.cf(), errors);
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new Where(sql.toString(), params);
    }

    private void customFields(StringBuilder sql, Map<String, Object> params, Map<String, String> values,
            List<FieldError> errors) {
        Map<String, CustomFieldDefinition> definitions = CustomFieldDefinition.<CustomFieldDefinition>listAll().stream()
                .collect(Collectors.toMap(d -> d.key, Function.identity()));
        ObjectNode contained = mapper.createObjectNode();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            CustomFieldDefinition definition = definitions.get(entry.getKey());
            String field = "cf." + entry.getKey();
            String value = entry.getValue() == null ? "" : entry.getValue();
            if (definition == null) {
                errors.add(FieldError.unknown(field, "is not a custom field of this store"));
            } else if (definition.type == CustomFieldType.NUMBER) {
                try {
                    contained.put(entry.getKey(), new java.math.BigDecimal(value.trim()));
                } catch (NumberFormatException e) {
                    errors.add(FieldError.of(field, FieldError.Code.FORMAT, "must be a number"));
                }
            } else if (definition.type == CustomFieldType.MULTI_SELECT) {
                contained.putArray(entry.getKey()).add(value);
            } else {
                contained.put(entry.getKey(), value);
            }
        }
        try {
            // The second condition follows from the first; it lets the planner use the partial GIN index (V92).
            sql.append(" and c.custom_fields @> cast(:customFields as jsonb) and c.custom_fields <> cast('{}' as jsonb)");
            params.put("customFields", mapper.writeValueAsString(contained));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void in(StringBuilder sql, Map<String, Object> params, String name, String column, List<?> values,
            List<FieldError> errors) {
        if (values == null || values.isEmpty()) {
            return;
        }
        checkSize(name, values, errors);
        sql.append(" and ").append(column).append(" in (:").append(name).append(')');
        params.put(name, values);
    }

    private static void range(StringBuilder sql, Map<String, Object> params, String column, Object from, Object to,
            String name) {
        if (from != null) {
            sql.append(" and ").append(column).append(" >= :").append(name).append("From");
            params.put(name + "From", from);
        }
        if (to != null) {
            sql.append(" and ").append(column).append(" < :").append(name).append("To");
            params.put(name + "To", to);
        }
    }

    private static void checkSize(String name, List<?> values, List<FieldError> errors) {
        if (values.size() > MAX_LIST_VALUES) {
            errors.add(new FieldError(name, "must have at most " + MAX_LIST_VALUES + " values"));
        }
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values == null ? null : values.stream().map(v -> v == null ? "" : v.name()).toList();
    }

    private static Long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The customers (at most {@value #MAX_LIST_VALUES}) with an IM account whose handle is q on any network: read
     * first, so the search condition names ids (a primary-key read) instead of a subquery an OR cannot use an index for.
     */
    private List<Long> customersWithHandle(String q) {
        if (q.length() > CustomerFilter.MAX_SEARCH || q.chars().anyMatch(ch -> ch == 0 || Character.isWhitespace(ch))) {
            return List.of();
        }
        Set<String> handles = new LinkedHashSet<>();
        for (ImChannel channel : ImChannel.values()) {
            String key = ContactKeys.imHandle(channel, q);
            if (key != null) {
                handles.add(key);
            }
        }
        if (handles.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select distinct h.customer_id from customer_im_handles h "
                + "where h.store_id = :store and h.handle in (:handles) limit " + MAX_LIST_VALUES)
                .setParameter("store", tenant.storeId()).setParameter("handles", handles).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * The part of q the trigram index is asked for: its longest run of at least {@value #INDEX_DIGITS} digits if
     * it has one, else q itself. A text containing q contains any part of it, so the index still finds every
     * match (the per-field conditions with the whole q decide). Letter trigrams ("buy", "ing") sit in a large
     * share of the rows and GIN reads their whole posting lists; digit runs (numbers in emails, companies, phones)
     * are rare: on the million-customer store "buyer123452@" asked 2,100 index pages, its "123452" 480.
     */
    static String indexPart(String q) {
        Matcher runs = DIGIT_RUN.matcher(q);
        String longest = null;
        while (runs.find()) {
            if (longest == null || runs.group().length() > longest.length()) {
                longest = runs.group();
            }
        }
        return longest == null ? q : longest;
    }


    /** LIKE wildcards typed by the user are literal characters. */
    static String likeEscape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
