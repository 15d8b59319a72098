package com.harborcrm.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.customer.CustomerFilter;
import com.harborcrm.customer.CustomerQuery;
import com.harborcrm.customer.ImAccount;
import com.harborcrm.customfield.CustomFieldDefinition;
import com.harborcrm.customfield.CustomFieldValues;
import com.harborcrm.pool.PoolReadPolicy;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * Streams a filtered customer list as CSV straight from the database: keyset pages through the table by id (a
 * constant amount of memory whatever the row count), the header first, one CSV record per customer written by
 * FastCSV. The columns are those import reads back (see {@link CsvColumn}), custom fields by their label.
 */
@ApplicationScoped
public class ExportService {

    static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int PAGE = 5000;
    private static final Pattern NAMED = Pattern.compile(":([A-Za-z][A-Za-z0-9]*)");

    @Inject
    CustomerQuery queries;

    @Inject
    CustomFieldValues customFields;

    @Inject
    PoolReadPolicy readPolicy;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    com.harborcrm.common.tenancy.TenantContext tenant;

    /** One column of the export: a standard one or a custom field. */
    record Column(CsvColumn standard, CustomFieldDefinition custom) {
        String header() {
            return standard != null ? standard.header : custom.label;
        }
    }

    /** Everything the export needs, read in the request (tenant, role, filter); the writing needs no request. */
    public record Plan(String sql, List<Object> params, List<Column> columns, boolean mask, boolean bom,
            Map<Long, String> tagNames) {
    }

    public Plan plan(CustomerFilter filter, String columns, boolean bom) {
        CustomerQuery.Where where = queries.where(filter, false);
        List<Column> selected = columns(columns, customFields.definitions());
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        Matcher m = NAMED.matcher("""
                select c.id, c.name, c.company_name, c.position, c.email, c.phone, c.mobile, c.fax,
                       cast(c.im_accounts as text), c.website, c.country, c.region, c.city, c.address, c.postcode,
                       c.business_type, c.main_products, cast(c.purchase_categories as text), c.annual_purchase_amount,
                       c.company_size, c.source, c.stage, c.stars, c.status, c.notes, cast(c.custom_fields as text),
                       u.email, c.potential_score, c.created_at, c.last_follow_up_at, c.owner_id,
                       cast(array(select ct.tag_id from customer_tags ct
                                  where ct.store_id = c.store_id and ct.customer_id = c.id) as text)
                from customers c left join users u on u.store_id = c.store_id and u.id = c.owner_id
                """ + " where " + where.sql() + " and c.id > :afterId order by c.id limit " + PAGE);
        // JDBC placeholders for the filter's named parameters (lists expand to one per value).
        while (m.find()) {
            String name = m.group(1);
            Object value = name.equals("afterId") ? null : where.params().get(name);
            StringBuilder marks = new StringBuilder();
            if (value instanceof Collection<?> values) {
                for (Object v : values) {
                    marks.append(marks.isEmpty() ? "?" : ", ?");
                    params.add(v);
                }
            } else {
                marks.append('?');
                params.add(name.equals("afterId") ? AFTER : value);
            }
            m.appendReplacement(sql, marks.toString());
        }
        m.appendTail(sql);
        // Tag ids per row, their names from the store's list read once: joining the names per row cost PostgreSQL
        // more than the rest of the row (a hash of the tags table built for every customer).
        Map<Long, String> tagNames = new java.util.HashMap<>();
        if (selected.stream().anyMatch(c -> c.standard() == CsvColumn.TAGS)) {
            @SuppressWarnings("unchecked")
            List<Object[]> tags = em.createNativeQuery("select id, name from tags where store_id = :store")
                    .setParameter("store", tenant.storeId()).getResultList();
            tags.forEach(t -> tagNames.put(((Number) t[0]).longValue(), (String) t[1]));
        }
        return new Plan(sql.toString(), params, selected, readPolicy.masksForCaller(), bom, tagNames);
    }

    /** Stands in the parameter list for the keyset position. */
    private static final Object AFTER = new Object();

    private static List<Column> columns(String requested, Map<String, CustomFieldDefinition> definitions) {
        List<Column> all = new ArrayList<>();
        for (CsvColumn column : CsvColumn.values()) {
            if (column == CsvColumn.OWNER) {
                definitions.values().stream().sorted(java.util.Comparator.comparing(d -> d.key))
                        .forEach(d -> all.add(new Column(null, d)));
            }
            all.add(new Column(column, null));
        }
        if (requested == null || requested.isBlank()) {
            return all;
        }
        List<Column> chosen = new ArrayList<>();
        for (String key : requested.split(",")) {
            String k = key.trim();
            if (k.isEmpty()) {
                continue;
            }
            Column column = all.stream().filter(c -> c.standard() != null ? c.standard().key.equalsIgnoreCase(k)
                    : (ImportMapping.CUSTOM_PREFIX + c.custom().key).equals(k)).findFirst()
                    .orElseThrow(() -> DomainException.invalid("columns", "has an unknown column " + k + ": use name, "
                            + "companyName, email, phone, mobile, im:WECHAT, tags, cf.<key>, owner, id..."));
            if (!chosen.contains(column)) {
                chosen.add(column);
            }
        }
        return chosen;
    }

    public void write(Plan plan, OutputStream out) throws IOException {
        if (plan.bom()) {
            out.write(UTF8_BOM);
        }
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.builder().build(text);
        csv.writeRecord(plan.columns().stream().map(c -> CsvCells.safe(c.header())).toList());
        long after = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(plan.sql())) {
            while (true) {
                bind(query, plan.params(), after);
                int n = 0;
                try (ResultSet r = query.executeQuery()) {
                    while (r.next()) {
                        n++;
                        after = r.getLong(1);
                        CsvWriter.CsvWriterRecord record = csv.writeRecord();
                        Row row = new Row(r, plan.mask() && r.getObject(31) == null, plan.tagNames());
                        for (Column column : plan.columns()) {
                            record.writeField(CsvCells.safe(row.cell(column)));
                        }
                        record.endRecord();
                    }
                }
                csv.flush();
                if (n < PAGE) {
                    break;
                }
            }
        } catch (SQLException e) {
            throw new IOException("Export failed", e);
        }
        csv.flush();
    }

    private static void bind(PreparedStatement query, List<Object> params, long after) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p == AFTER) {
                query.setLong(i + 1, after);
            } else if (p instanceof Instant instant) {
                query.setTimestamp(i + 1, Timestamp.from(instant));
            } else {
                query.setObject(i + 1, p);
            }
        }
    }

    /** The cells of one customer row. */
    private final class Row {
        private final ResultSet r;
        private final boolean masked;
        private final Map<Long, String> tagNames;
        private Map<String, List<String>> handles;
        private Map<String, Object> custom;

        Row(ResultSet r, boolean masked, Map<Long, String> tagNames) {
            this.r = r;
            this.masked = masked;
            this.tagNames = tagNames;
        }

        String cell(Column column) throws SQLException, IOException {
            if (column.custom() != null) {
                Object value = custom().get(column.custom().key);
                if (value instanceof List<?> list) {
                    return String.join("; ", list.stream().map(String::valueOf).toList());
                }
                return value == null ? null : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
            }
            CsvColumn c = column.standard();
            if (c.imChannel() != null) {
                List<String> list = handles().get(c.imChannel().name());
                return list == null ? null : String.join("; ", list);
            }
            return switch (c) {
                case ID -> Long.toString(r.getLong(1));
                case NAME -> r.getString(2);
                case COMPANY_NAME -> r.getString(3);
                case POSITION -> r.getString(4);
                case EMAIL -> masked ? PoolReadPolicy.maskEmail(r.getString(5)) : r.getString(5);
                case PHONE -> masked ? PoolReadPolicy.maskPhone(r.getString(6)) : r.getString(6);
                case MOBILE -> masked ? PoolReadPolicy.maskPhone(r.getString(7)) : r.getString(7);
                case FAX -> masked ? PoolReadPolicy.maskPhone(r.getString(8)) : r.getString(8);
                case WEBSITE -> r.getString(10);
                case COUNTRY -> r.getString(11);
                case REGION -> r.getString(12);
                case CITY -> r.getString(13);
                case ADDRESS -> r.getString(14);
                case POSTCODE -> r.getString(15);
                case BUSINESS_TYPE -> r.getString(16);
                case MAIN_PRODUCTS -> r.getString(17);
                case PURCHASE_CATEGORIES -> {
                    String categories = r.getString(18);
                    yield isEmptyJson(categories) ? "" : String.join("; ", json.readValue(categories, STRINGS));
                }
                case ANNUAL_PURCHASE_AMOUNT -> r.getString(19);
                case COMPANY_SIZE -> r.getString(20);
                case SOURCE -> r.getString(21);
                case STAGE -> r.getString(22);
                case STARS -> Integer.toString(r.getInt(23));
                case STATUS -> r.getString(24);
                case NOTES -> r.getString(25);
                case OWNER -> r.getString(27);
                case POTENTIAL_SCORE -> Integer.toString(r.getInt(28));
                case CREATED_AT -> instant(r.getTimestamp(29));
                case LAST_FOLLOW_UP_AT -> instant(r.getTimestamp(30));
                case TAGS -> tags(r.getString(32));
                default -> null;
            };
        }

        /** "{3,7}" as the tags' names, by name (case-insensitive), then id; null for none. */
        private String tags(String ids) {
            if (ids == null || ids.equals("{}")) {
                return null;
            }
            return java.util.Arrays.stream(ids.substring(1, ids.length() - 1).split(",")).map(Long::parseLong)
                    .filter(tagNames::containsKey)
                    .sorted(java.util.Comparator.comparing((Long id) -> tagNames.get(id).toLowerCase(java.util.Locale.ROOT))
                            .thenComparing(id -> id))
                    .map(tagNames::get).collect(java.util.stream.Collectors.joining("; "));
        }

        private Map<String, List<String>> handles() throws SQLException, IOException {
            if (handles == null) {
                handles = new LinkedHashMap<>();
                String accounts = r.getString(9);
                for (ImAccount account : isEmptyJson(accounts) ? List.<ImAccount>of() : json.readValue(accounts, ACCOUNTS)) {
                    handles.computeIfAbsent(account.channel().name(), k -> new ArrayList<>()).add(account.handle());
                }
            }
            return handles;
        }

        private Map<String, Object> custom() throws SQLException, IOException {
            if (custom == null) {
                String values = r.getString(26);
                custom = isEmptyJson(values) ? Map.of() : json.readValue(values, OBJECT);
            }
            return custom;
        }
    }

    /** Most customers have no IM accounts, categories or custom values: no parser for "[]" and "{}". */
    private static boolean isEmptyJson(String value) {
        return value == null || value.equals("[]") || value.equals("{}");
    }

    private static String instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().toString();
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<ImAccount>> ACCOUNTS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };
}
