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
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
import com.harborcrm.pool.FieldVisibility;
import com.harborcrm.pool.PoolDirectory;
import com.harborcrm.pool.PoolReadPolicy;
import com.harborcrm.tag.Tag;

import de.siegmar.fastcsv.writer.CsvWriter;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Streams a filtered customer list as CSV straight from the database: keyset pages through the table by id (a
 * constant amount of memory whatever the row count), read by a thread of their own while the previous page is
 * written, the header first, one CSV record per customer written by
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

    /** One column of the export: a standard one or a custom field. */
    record Column(CsvColumn standard, CustomFieldDefinition custom) {
        String header() {
            return standard != null ? standard.header : custom.label;
        }
    }

    /** Everything the export needs, read in the request (tenant, role, filter); the writing needs no request. */
    /**
     * The export of a query; {@code visibilityByPool} says how the caller sees each pool's customers (empty: every
     * customer whole; see PoolReadPolicy#visibilityByPool).
     */
    public record Plan(String sql, List<Object> params, List<Column> columns, Map<Long, FieldVisibility> visibilityByPool,
            boolean bom, Map<Long, String> tagNames) {

        /** How the row's contacts may be read: whole for a private customer, else as its pool says. */
        FieldVisibility visibility(String ownerId, String poolId) {
            if (visibilityByPool.isEmpty() || ownerId != null) {
                return FieldVisibility.ALL_VISIBLE;
            }
            FieldVisibility seen = visibilityByPool.get(Long.parseLong(poolId));
            return seen != null ? seen : visibilityByPool.get(PoolDirectory.DEFAULT_POOL);
        }
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
                       u.email, c.potential_score, c.created_at, c.last_follow_up_at, o.owner_id,
                       cast(array(select ct.tag_id from customer_tags ct
                                  where ct.store_id = c.store_id and ct.customer_id = c.id) as text), o.pool_id
                from customers c join customer_owners o on o.store_id = c.store_id and o.customer_id = c.id
                left join users u on u.store_id = c.store_id and u.id = o.owner_id
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
        Map<Long, String> tagNames = new HashMap<>();
        if (selected.stream().anyMatch(c -> c.standard() == CsvColumn.TAGS)) {
            Tag.<Tag>listAll().forEach(t -> tagNames.put(t.id, t.name));
        }
        return new Plan(sql.toString(), params, selected, readPolicy.visibilityByPool(), bom, tagNames);
    }

    /** Stands in the parameter list for the keyset position. */
    private static final Object AFTER = new Object();

    private static List<Column> columns(String requested, Map<String, CustomFieldDefinition> definitions) {
        List<Column> all = new ArrayList<>();
        for (CsvColumn column : CsvColumn.values()) {
            if (column == CsvColumn.OWNER) {
                definitions.values().stream().sorted(Comparator.comparing(d -> d.key))
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

    /** The CSV file of a plan, written as its pages come (GET /exports/customers.csv). */
    public void write(Plan plan, OutputStream out) throws IOException {
        if (plan.bom()) {
            out.write(UTF8_BOM);
        }
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvWriter csv = CsvWriter.builder().build(text);
        csv.writeRecord(plan.columns().stream().map(c -> CsvCells.safe(c.header())).toList());
        stream(plan, new RowSink() {
            @Override
            public void row(List<String> cells) {
                CsvWriter.CsvWriterRecord record = csv.writeRecord();
                cells.forEach(cell -> record.writeField(CsvCells.safe(cell)));
                record.endRecord();
            }

            @Override
            public void pageDone() throws IOException {
                csv.flush();
            }
        });
        csv.flush();
    }

    /**
     * The same rows as an Excel workbook (GET /exports/customers.xlsx), streamed by FastExcel: each page is flushed
     * into the zip as it is written and cells are inline strings (no shared-strings table kept to the end), so memory
     * stays flat whatever the count. Cells are text, as in the CSV (no formula is ever written, so no cell needs the
     * CSV's quote prefix). A sheet holds at most
     * {@link #XLSX_ROWS_PER_SHEET} customers; more continue on "Customers 2", "Customers 3"...
     */
    public void writeXlsx(Plan plan, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Harbor CRM", "1.0");
        // Deflate level 1: most of the export's CPU went to compressing the sheet's XML; the file is a bit larger.
        workbook.setCompressionLevel(1);
        List<String> headers = plan.columns().stream().map(Column::header).toList();
        Worksheet[] sheet = {startSheet(workbook, 1, headers)};
        int[] sheetNumber = {1};
        int[] row = {0};
        stream(plan, new RowSink() {
            @Override
            public void row(List<String> cells) throws IOException {
                if (row[0] == XLSX_ROWS_PER_SHEET) {
                    sheet[0].finish();
                    sheet[0] = startSheet(workbook, ++sheetNumber[0], headers);
                    row[0] = 0;
                }
                row[0]++;
                for (int c = 0; c < cells.size(); c++) {
                    if (cells.get(c) != null) {
                        // Inline, not in the shared-strings table: that table is held in memory to the end.
                        sheet[0].inlineString(row[0], c, cells.get(c));
                    }
                }
            }

            @Override
            public void pageDone() throws IOException {
                sheet[0].flush();
            }
        });
        sheet[0].finish();
        workbook.finish();
    }

    /** Excel's limit is 1,048,576 rows a sheet; a round number below it, with the header row. */
    static final int XLSX_ROWS_PER_SHEET = 1_000_000;

    private static Worksheet startSheet(Workbook workbook, int number, List<String> headers) {
        Worksheet sheet = workbook.newWorksheet(number == 1 ? "Customers" : "Customers " + number);
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
        }
        sheet.range(0, 0, 0, Math.max(0, headers.size() - 1)).style().bold().set();
        sheet.freezePane(0, 1);
        return sheet;
    }

    /** Where the rows of an export go, one page at a time. */
    private interface RowSink {
        void row(List<String> cells) throws IOException;

        void pageDone() throws IOException;
    }

    /** Hands every row of the plan, its cells in column order (masked as the plan says), to {@code sink}. */
    private void stream(Plan plan, RowSink sink) throws IOException {
        // PostgreSQL reads the next page while this thread writes the current one: a reader thread hands the pages
        // over one at a time (at most three pages in memory: being read, handed over, being written).
        BlockingQueue<Object> pages = new ArrayBlockingQueue<>(1);
        Thread reader = new Thread(() -> readPages(plan, pages), "export-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Object page = pages.take();
                if (page == LAST_PAGE) {
                    break;
                }
                if (page instanceof Throwable failure) {
                    throw new IOException("Export failed", failure);
                }
                @SuppressWarnings("unchecked")
                List<String[]> rows = (List<String[]>) page;
                List<String> cells = new ArrayList<>(plan.columns().size());
                for (String[] values : rows) {
                    Row row = new Row(values, plan.visibility(values[31], values[33]), plan.tagNames());
                    cells.clear();
                    for (Column column : plan.columns()) {
                        cells.add(row.cell(column));
                    }
                    sink.row(cells);
                }
                sink.pageDone();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Export interrupted", e);
        } finally {
            // A client gone mid-export stops the reader too (it is waiting to hand over its next page).
            reader.interrupt();
        }
    }

    private static final Object LAST_PAGE = new Object();

    /**
     * The export's keyset pages by id, each row's cells as text (index = column, from 1; the two dates already as
     * ISO instants), then {@link #LAST_PAGE}; a failure is handed over instead.
     */
    private void readPages(Plan plan, BlockingQueue<Object> pages) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(plan.sql())) {
            long after = 0;
            while (true) {
                bind(query, plan.params(), after);
                List<String[]> page = new ArrayList<>(PAGE);
                try (ResultSet r = query.executeQuery()) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        String[] values = new String[columns + 1];
                        for (int i = 1; i <= columns; i++) {
                            values[i] = i == 29 || i == 30 ? instant(r.getTimestamp(i)) : r.getString(i);
                        }
                        page.add(values);
                    }
                }
                if (!page.isEmpty()) {
                    after = Long.parseLong(page.get(page.size() - 1)[1]);
                    pages.put(page);
                }
                if (page.size() < PAGE) {
                    pages.put(LAST_PAGE);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException | Error e) {
            try {
                // Waits for the writer to take the page before it, so that it always learns of the failure.
                pages.put(e);
            } catch (InterruptedException gone) {
                Thread.currentThread().interrupt();
            }
        }
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
        private final String[] v;
        /** How this row's contacts may be read; null when whole. */
        private final FieldVisibility seen;
        private final Map<Long, String> tagNames;
        private List<ImAccount> accounts;
        private Map<String, List<String>> handles;
        private Map<String, Object> custom;
        private PoolReadPolicy.Contacts contacts;

        Row(String[] v, FieldVisibility seen, Map<Long, String> tagNames) {
            this.v = v;
            this.seen = seen.showsAll() ? null : seen;
            this.tagNames = tagNames;
        }

        String cell(Column column) throws IOException {
            if (column.custom() != null) {
                Object value = custom().get(column.custom().key);
                if (seen != null) {
                    value = PoolReadPolicy.maskValues(value, contacts()::maskIn);
                }
                if (value instanceof List<?> list) {
                    return String.join("; ", list.stream().map(String::valueOf).toList());
                }
                return value == null ? null : value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
            }
            CsvColumn c = column.standard();
            if (c.imChannel() != null) {
                List<String> list = handles().get(c.imChannel().name());
                List<String> shown = list == null || seen == null ? list
                        : list.stream().map(seen::showHandle).filter(java.util.Objects::nonNull).toList();
                return shown == null || shown.isEmpty() ? null : String.join("; ", shown);
            }
            return switch (c) {
                case ID -> v[1];
                case NAME -> v[2];
                case COMPANY_NAME -> v[3];
                case POSITION -> v[4];
                case EMAIL -> seen != null ? seen.showEmail(v[5]) : v[5];
                case PHONE -> seen != null ? seen.showPhone(v[6]) : v[6];
                case MOBILE -> seen != null ? seen.showMobile(v[7]) : v[7];
                case FAX -> seen != null ? seen.showFax(v[8]) : v[8];
                case WEBSITE -> seen != null ? seen.showWebsite(v[10]) : v[10];
                case COUNTRY -> v[11];
                case REGION -> v[12];
                case CITY -> v[13];
                case ADDRESS -> v[14];
                case POSTCODE -> v[15];
                case BUSINESS_TYPE -> v[16];
                case MAIN_PRODUCTS -> v[17];
                case PURCHASE_CATEGORIES -> {
                    String categories = v[18];
                    yield isEmptyJson(categories) ? "" : String.join("; ", json.readValue(categories, STRINGS));
                }
                case ANNUAL_PURCHASE_AMOUNT -> v[19];
                case COMPANY_SIZE -> v[20];
                case SOURCE -> v[21];
                case STAGE -> v[22];
                case STARS -> v[23];
                case STATUS -> v[24];
                case NOTES -> seen != null ? contacts().maskIn(v[25]) : v[25];
                case OWNER -> v[27];
                case POTENTIAL_SCORE -> v[28];
                case CREATED_AT -> v[29];
                case LAST_FOLLOW_UP_AT -> v[30];
                case TAGS -> tags(v[32]);
                default -> null;
            };
        }

        /** "{3,7}" as the tags' names, by name (case-insensitive), then id; null for none. */
        private String tags(String ids) {
            if (ids == null || ids.equals("{}")) {
                return null;
            }
            return Arrays.stream(ids.substring(1, ids.length() - 1).split(",")).map(Long::parseLong)
                    .filter(tagNames::containsKey)
                    .sorted(Comparator.comparing((Long id) -> tagNames.get(id).toLowerCase(Locale.ROOT))
                            .thenComparing(id -> id))
                    .map(tagNames::get).collect(Collectors.joining("; "));
        }

        private List<ImAccount> accounts() throws IOException {
            if (accounts == null) {
                accounts = isEmptyJson(v[9]) ? List.of() : json.readValue(v[9], ACCOUNTS);
            }
            return accounts;
        }

        private Map<String, List<String>> handles() throws IOException {
            if (handles == null) {
                handles = new LinkedHashMap<>();
                for (ImAccount account : accounts()) {
                    handles.computeIfAbsent(account.channel().name(), k -> new ArrayList<>()).add(account.handle());
                }
            }
            return handles;
        }

        /** The row's contact values, to mask them in its texts (a masked pool row only). */
        private PoolReadPolicy.Contacts contacts() throws IOException {
            if (contacts == null) {
                contacts = PoolReadPolicy.Contacts.of(seen, v[5], v[6], v[7], v[8], accounts(), v[10]);
            }
            return contacts;
        }

        private Map<String, Object> custom() throws IOException {
            if (custom == null) {
                String values = v[26];
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
