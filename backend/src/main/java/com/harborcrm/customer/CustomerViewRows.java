package com.harborcrm.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.common.time.Instants;
import com.harborcrm.customer.CustomerDtos.CustomerView;
import com.harborcrm.customer.CustomerDtos.TagRef;
import com.harborcrm.pool.PoolDtos.PoolReturn;
import com.harborcrm.pool.PoolDtos.ReturnRule;
import com.harborcrm.pool.PoolTimer;

/**
 * Customer views read straight from SQL rows, tags and pool timer included, for lists: one statement per page
 * instead of loading entities, then their tags, then their timers. The columns are those {@link CustomerView#of}
 * takes from the entity; the pool timer is PoolTimer's SQL (bind the rules with {@link PoolTimer#bindRules}).
 */
final class CustomerViewRows {

    /** Hibernate reads jsonb with a plain Jackson mapper (quarkus.hibernate-orm.mapping.format.global=ignore): so here. */
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final TypeReference<List<ImAccount>> IM_ACCOUNTS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<List<List<Object>>> TAG_ROWS = new TypeReference<>() {
    };

    /**
     * The select list over {@code customers c} joined with its ownership row {@code o} ({@link #OWNER_JOIN}) and
     * left-joined with {@link #tagsOf} as {@code pt}; column order is what
     * {@link #read} expects.
     */
    static final String COLUMNS = "c.id, c.name, c.company_name, c.position, c.email, c.phone, c.mobile, c.fax, "
            + "cast(c.im_accounts as text), c.website, cast(c.country as text), c.region, c.city, c.address, c.postcode, "
            + "c.business_type, c.main_products, cast(c.purchase_categories as text), c.annual_purchase_amount, "
            + "c.company_size, c.source, c.stage, c.stars, c.status, c.notes, cast(c.custom_fields as text), o.owner_id, "
            + "c.created_at, c.updated_at, c.last_follow_up_at, c.next_follow_up_at, c.last_inquiry_at, c.inquiry_count, "
            + "c.potential_score, c.version, " + PoolTimer.dueAt("o") + ", " + PoolTimer.rule("o") + ", pt.tags, o.pool_id";
    /** The join that {@link #COLUMNS} needs besides {@code customers c} and the tags: the ownership row. */
    static final String OWNER_JOIN = " join customer_owners o on o.store_id = c.store_id and o.customer_id = c.id";
    /**
     * The tags of a list's rows, to be left-joined as {@code pt} on {@code pt.customer_id}: one join for the whole
     * list (a correlated subquery per row had PostgreSQL hash the store's tags once per customer: half the
     * statement's time). Tags as CustomerService orders them: by name, then id. {@code ids} names a relation of the
     * list's customer ids in a column {@code id}.
     */
    static String tagsOf(String ids) {
        return "select ct.customer_id, cast(json_agg(json_build_array(t.id, t.name, t.color) order by lower(t.name), t.id) "
                + "as text) as tags from " + ids + " x join customer_tags ct on ct.store_id = :store and ct.customer_id = x.id "
                + "join tags t on t.store_id = ct.store_id and t.id = ct.tag_id group by ct.customer_id";
    }
    /** How many columns {@link #COLUMNS} selects; a caller's own columns follow from this index on. */
    static final int COLUMN_COUNT = 39;

    private CustomerViewRows() {
    }

    static CustomerView read(Object[] r, Instant now) {
        Instant returnAt = Instants.of(r[35]);
        PoolReturn poolReturn = returnAt == null ? null
                : new PoolReturn(returnAt, ReturnRule.valueOf((String) r[36]), PoolTimer.daysLeft(returnAt, now));
        List<TagRef> tags = new ArrayList<>();
        if (r[37] != null) {
            for (List<Object> t : json((String) r[37], TAG_ROWS)) {
                tags.add(new TagRef(((Number) t.get(0)).longValue(), (String) t.get(1), (String) t.get(2)));
            }
        }
        return new CustomerView(number(r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], (String) r[7], list((String) r[8], IM_ACCOUNTS),
                (String) r[9], (String) r[10], (String) r[11], (String) r[12], (String) r[13], (String) r[14],
                (String) r[15], (String) r[16], list((String) r[17], STRINGS), (String) r[18],
                (String) r[19], CustomerSource.valueOf((String) r[20]), CustomerStage.valueOf((String) r[21]),
                number(r[22]).intValue(), CustomerStatus.valueOf((String) r[23]), (String) r[24],
                object((String) r[25]), tags, r[26] == null ? null : number(r[26]).longValue(),
                number(r[38]).longValue(), Instants.of(r[27]), Instants.of(r[28]), Instants.of(r[29]), Instants.of(r[30]), Instants.of(r[31]),
                number(r[32]).intValue(), number(r[33]).intValue(), number(r[34]).longValue(), poolReturn);
    }

    private static Number number(Object value) {
        return (Number) value;
    }

    /** Most rows hold empty lists and custom fields: "[]" and "{}" are not worth a parser. */
    private static <T> List<T> list(String text, TypeReference<List<T>> type) {
        return "[]".equals(text) ? List.of() : List.copyOf(json(text, type));
    }

    private static LinkedHashMap<String, Object> object(String text) {
        return "{}".equals(text) ? new LinkedHashMap<>() : json(text, OBJECT);
    }

    private static <T> T json(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable jsonb column", e);
        }
    }
}
