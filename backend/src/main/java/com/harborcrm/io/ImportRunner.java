package com.harborcrm.io;

import java.io.BufferedInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.common.config.HarborConfig;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.sql.RowChecksPlan;
import com.harborcrm.common.web.Text;
import com.harborcrm.customer.ContactKeys;
import com.harborcrm.customer.CustomerDtos.CustomerFields;
import com.harborcrm.customer.CustomerInput;
import com.harborcrm.customer.CustomerSource;
import com.harborcrm.customer.CustomerStage;
import com.harborcrm.customer.CustomerStatus;
import com.harborcrm.customfield.CustomFieldDefinition;
import com.harborcrm.io.ImportDtos.DuplicatePolicy;
import com.harborcrm.io.ImportDtos.ImportDetected;
import com.harborcrm.io.ImportDtos.ImportOptions;
import com.harborcrm.io.ImportDtos.ImportPhase;
import com.harborcrm.io.ImportDtos.ImportTarget;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;

/**
 * Runs one import job, start to end, in ONE database transaction on one connection, so that it commits whole or
 * not at all:
 * <ol>
 * <li>READING: the file is streamed through FastCSV; every row is mapped, validated like a create
 * (CustomerInput), scored (PotentialScore) and its contact keys normalized (ContactKeys), then COPYed into a
 * temporary staging table, refused rows with their reason. Memory holds one row at a time.</li>
 * <li>CHECKING: set-based over the staging table: duplicates within the file (a row sharing a key with an earlier
 * row), then matches against the store's customers (the keys of a create's duplicate check).</li>
 * <li>WRITING: INSERT ... SELECT of the new customers with their IM handles, tags and IMPORTED events; UPDATE
 * rows are merged into their customer in Java (the score is recomputed from the merged file) in batches.</li>
 * </ol>
 * A file that cannot be parsed fails the job with its line number; the transaction is rolled back, so nothing
 * was written. Progress goes to the job row through other, short transactions (see {@link ImportJobs}).
 */
@ApplicationScoped
public class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class);
    static final int ERRORS_SAMPLE = 20;

    @Inject
    DataSource dataSource;

    @Inject
    CustomerInput customerInput;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    HarborConfig config;

    @Inject
    ImportJobs jobs;

    /** A failure of the job that the user can act on: the message (and line) is shown as is. */
    static final class JobFailure extends RuntimeException {
        final Long line;

        JobFailure(String message, Long line) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    /** What the heartbeat reports about a running job, and the handle to stop it. */
    static final class Progress {
        final long storeId;
        final long jobId;
        final AtomicInteger processed = new AtomicInteger();
        volatile Integer totalRows;
        volatile ImportPhase phase = ImportPhase.QUEUED;
        final AtomicReference<Statement> running = new AtomicReference<>();
        volatile boolean stopping;

        Progress(long storeId, long jobId) {
            this.storeId = storeId;
            this.jobId = jobId;
        }

        void checkNotStopping() {
            if (stopping) {
                throw new JobFailure("The server shut down during the import; nothing was written. Upload the file again.", null);
            }
        }
    }

    /** The outcome of a successful job. */
    record Outcome(int totalRows, int created, int updated, int skipped, int rejected, ImportDetected detected,
            List<String> warnings, NewIds newIds) {
    }

    /**
     * The ids of the customers the job created, first to last (other writers' customers may sit between them), or
     * null when it created none: search catches up on them after the commit (ImportSearch).
     */
    record NewIds(long first, long last) {
    }

    /** Runs the job; on any failure the transaction is rolled back and the failure is thrown. */
    Outcome run(long storeId, long jobId, long actorId, Path file, ImportOptions options, Progress progress)
            throws IOException, SQLException {
        long size = Files.size(file);
        if (size == 0) {
            throw new JobFailure("The file is empty", null);
        }
        byte[] sample = new byte[(int) Math.min(size, CsvSniffer.SAMPLE_SIZE)];
        int sampled;
        try (InputStream in = Files.newInputStream(file)) {
            sampled = in.readNBytes(sample, 0, sample.length);
        }
        CsvSniffer.Encoding encoding = encodingOf(options, sample, sampled, sampled == size);
        if (CsvSniffer.looksBinary(sample, sampled, encoding)) {
            throw new JobFailure("The file is not a CSV text file (it holds binary data). Save the spreadsheet as CSV "
                    + "and upload that.", null);
        }
        String sampleText = CsvSniffer.text(sample, sampled, encoding);
        char delimiter = delimiterOf(options, sampleText);
        long sampleLines = Math.max(1, sampleText.chars().filter(c -> c == '\n').count());
        progress.totalRows = (int) Math.min(Integer.MAX_VALUE, Math.max(0, size * sampleLines / Math.max(1, sampled) - 1));

        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Outcome outcome = inTransaction(connection, storeId, jobId, actorId, file, options, progress, encoding,
                        delimiter);
                if (!jobs.finish(connection, storeId, jobId, outcome)) {
                    throw new JobFailure("The import was declared lost while it ran; nothing was written.", null);
                }
                connection.commit();
                return outcome;
            } catch (RuntimeException | SQLException | IOException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private Outcome inTransaction(Connection connection, long storeId, long jobId, long actorId, Path file,
            ImportOptions options, Progress progress, CsvSniffer.Encoding encoding, char delimiter)
            throws IOException, SQLException {
        Instant now = clock.instant();
        // One import per store at a time: the duplicate checks of two imports must not race each other.
        execute(connection, progress, "select pg_advisory_xact_lock(hashtextextended('import:' || " + storeId + ", 0))");
        execute(connection, progress, STAGING_TABLE);
        Map<String, CustomFieldDefinition> definitions = definitions(connection, storeId);
        List<String> warnings = new ArrayList<>();

        progress.phase = ImportPhase.READING;
        Staged staged = stage(connection, file, options, progress, encoding, delimiter, definitions, now, warnings);
        progress.totalRows = staged.rows;
        progress.checkNotStopping();
        ImportDetected detected = new ImportDetected(encoding.describe(), delimiterName(delimiter), staged.mapping.columns);
        jobs.detected(storeId, jobId, detected, staged.header, progress.totalRows);

        progress.phase = ImportPhase.CHECKING;
        execute(connection, progress, "analyze import_rows");
        execute(connection, progress, KEYS_TABLE);
        if (options.duplicatePolicy() != DuplicatePolicy.CREATE) {
            execute(connection, progress, IN_FILE_DUPLICATES);
            try (PreparedStatement match = connection.prepareStatement(STORE_MATCHES)) {
                for (int i = 1; i <= 4; i++) {
                    match.setLong(i, storeId);
                }
                run(match, progress);
            }
            if (options.duplicatePolicy() == DuplicatePolicy.UPDATE) {
                execute(connection, progress, SAME_MATCH);
            }
        }
        int skipped = options.duplicatePolicy() == DuplicatePolicy.SKIP
                ? count(connection, "select count(*) from import_rows where reason is null and match_id is not null") : 0;

        progress.phase = ImportPhase.WRITING;
        int created;
        int updated = 0;
        NewIds newIds = null;
        if (options.dryRun()) {
            created = count(connection, "select count(*) from import_rows where reason is null and match_id is null");
            updated = options.duplicatePolicy() == DuplicatePolicy.UPDATE
                    ? count(connection, "select count(*) from import_rows where reason is null and match_id is not null") : 0;
        } else {
            created = insertNew(connection, storeId, jobId, actorId, options, now, progress);
            newIds = created == 0 ? null : newIds(connection);
            if (options.duplicatePolicy() == DuplicatePolicy.UPDATE) {
                ImportUpdates.Result result = new ImportUpdates(connection, storeId, now, definitions, customerInput,
                        mapper, progress).run();
                updated = result.updated();
                skipped += result.unchanged();
            }
        }
        int rejected;
        try (PreparedStatement reject = connection.prepareStatement("""
                insert into import_rejected_rows (store_id, job_id, line, fields, reason)
                select ?, ?, line, raw, reason from import_rows where reason is not null""")) {
            reject.setLong(1, storeId);
            reject.setLong(2, jobId);
            rejected = run(reject, progress);
        }
        warnings.addAll(staged.mapping.warnings);
        if (staged.unknownTags > 0) {
            warnings.add(staged.unknownTags + " rows name tags the store does not have: those tags were not set "
                    + "(create them under Tags first)");
        }
        if (staged.rows == 0) {
            warnings.add("The file has a header but no rows");
        }
        return new Outcome(staged.rows, created, updated, skipped, rejected, detected, warnings, newIds);
    }

    /** The staging table: one row per data row of the file, refused rows with their reason. */
    private static final String STAGING_TABLE = """
            create temporary table import_rows (
                line bigint primary key, reason text, raw jsonb,
                name text, company_name text, position text, email text, phone text, mobile text, fax text,
                im_accounts jsonb, website text, country text, region text, city text, address text, postcode text,
                business_type text, main_products text, purchase_categories jsonb, annual_purchase_amount text,
                company_size text, source text, stage text, stars smallint, status text, notes text,
                custom_fields jsonb, email_norm text, phone_digits text, mobile_digits text, potential_score smallint,
                im_handles jsonb, tags jsonb, match_id bigint
            ) on commit drop""";

    /** Every matching key of every good row: e(mail), p(hone or mobile, any against any), i(m handle). */
    private static final String KEYS_TABLE = """
            create temporary table import_keys on commit drop as
            select line, 'e' as kind, email_norm as value from import_rows where reason is null and email_norm is not null
            union select line, 'p', phone_digits from import_rows where reason is null and phone_digits is not null
            union select line, 'p', mobile_digits from import_rows where reason is null and mobile_digits is not null
            union select line, 'i', h from import_rows, jsonb_array_elements_text(im_handles) h where reason is null""";

    /** A row sharing a key with an earlier row of the file is refused, naming that row. */
    private static final String IN_FILE_DUPLICATES = """
            with firsts as (
                select kind, value, min(line) as first_line from import_keys group by kind, value having count(*) > 1),
            dups as (
                select distinct on (k.line) k.line, f.first_line, k.kind
                from import_keys k join firsts f on f.kind = k.kind and f.value = k.value and k.line > f.first_line
                order by k.line, f.first_line)
            update import_rows r
            set reason = 'Same ' || case d.kind when 'e' then 'email' when 'p' then 'phone number' else 'IM account' end
                         || ' as line ' || d.first_line || ' of this file'
            from dups d where r.line = d.line""";

    /** The existing customer each row matches (the lowest id when several do). */
    private static final String STORE_MATCHES = """
            with matches as (
                select k.line, c.id from import_keys k
                join customers c on c.store_id = ? and c.email_norm = k.value where k.kind = 'e'
                union all
                select k.line, c.id from import_keys k
                join customers c on c.store_id = ? and c.phone_digits = k.value where k.kind = 'p'
                union all
                select k.line, c.id from import_keys k
                join customers c on c.store_id = ? and c.mobile_digits = k.value where k.kind = 'p'
                union all
                select k.line, h.customer_id from import_keys k
                join customer_im_handles h on h.store_id = ? and h.handle = k.value where k.kind = 'i')
            update import_rows r set match_id = m.id
            from (select line, min(id) as id from matches group by line) m
            where r.line = m.line and r.reason is null""";

    /** Under UPDATE, two rows of the file matching one customer: the first one updates it. */
    private static final String SAME_MATCH = """
            update import_rows r set reason = 'Matches the same customer as line ' || f.first_line || ' of this file'
            from (select match_id, min(line) as first_line from import_rows
                  where reason is null and match_id is not null group by match_id having count(*) > 1) f
            where r.match_id = f.match_id and r.line > f.first_line and r.reason is null""";

    private int insertNew(Connection connection, long storeId, long jobId, long actorId, ImportOptions options,
            Instant now, Progress progress) throws SQLException {
        // Every row written below checks one to three keys (its store, its customer, its pool, tags): plan them once.
        RowChecksPlan.keepForThisTransaction(connection);
        execute(connection, progress, """
                create temporary table import_new on commit drop as
                select nextval(pg_get_serial_sequence('customers', 'id')) as customer_id, r.*
                from import_rows r where r.reason is null and r.match_id is null order by r.line""");
        Long owner = options.target() == ImportTarget.OWNER ? options.ownerId() : null;
        Timestamp at = Timestamp.from(now);
        int created;
        // Their search rows are written after the commit, in one statement (V93, ImportSearch): the insert's
        // statement trigger skips them, so this transaction writes no trigram entries.
        execute(connection, progress, "select set_config('harbor.search_deferred', 'on', true)");
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into customers (store_id, id, name, company_name, position, email, phone, mobile, fax, im_accounts,
                    website, country, region, city, address, postcode, business_type, main_products, purchase_categories,
                    annual_purchase_amount, company_size, source, stage, stars, status, notes, custom_fields,
                    email_norm, phone_digits, mobile_digits, potential_score, created_by, created_at, updated_at, version)
                select ?, customer_id, name, company_name, position, email, phone, mobile, fax, im_accounts,
                    website, country, region, city, address, postcode, business_type, main_products, purchase_categories,
                    annual_purchase_amount, company_size, coalesce(source, 'IMPORT'), coalesce(stage, 'UNMARKED'),
                    coalesce(stars, 0), coalesce(status, 'ACTIVE'), notes, custom_fields,
                    email_norm, phone_digits, mobile_digits, potential_score, ?, ?, ?, 0
                from import_new""")) {
            insert.setLong(1, storeId);
            insert.setLong(2, actorId);
            insert.setTimestamp(3, at);
            insert.setTimestamp(4, at);
            created = run(insert, progress);
        }
        execute(connection, progress, "select set_config('harbor.search_deferred', 'off', true)");
        // Their ownership rows, as Ownership.start writes one (V78).
        try (PreparedStatement owners = connection.prepareStatement("""
                insert into customer_owners (store_id, customer_id, owner_id, owned_since, pooled_since, pool_id)
                select ?, customer_id, cast(? as bigint), case when cast(? as bigint) is not null then cast(? as timestamptz) end,
                       case when cast(? as bigint) is null then cast(? as timestamptz) end,
                       -- the pool asked for, or the default one if it was deleted since the upload
                       coalesce((select p.id from pools p where p.store_id = ? and p.id = ?), 0)
                from import_new""")) {
            owners.setLong(1, storeId);
            for (int i : new int[] {2, 3, 5}) {
                owners.setObject(i, owner, java.sql.Types.BIGINT);
            }
            owners.setTimestamp(4, at);
            owners.setTimestamp(6, at);
            owners.setLong(7, storeId);
            owners.setLong(8, options.poolId() == null ? 0 : options.poolId());
            run(owners, progress);
        }
        try (PreparedStatement handles = connection.prepareStatement("""
                insert into customer_im_handles (store_id, customer_id, handle)
                select distinct ?, n.customer_id, h from import_new n, jsonb_array_elements_text(n.im_handles) h
                where jsonb_array_length(n.im_handles) > 0""")) {
            handles.setLong(1, storeId);
            run(handles, progress);
        }
        try (PreparedStatement tags = connection.prepareStatement("""
                insert into customer_tags (store_id, customer_id, tag_id)
                select distinct ?, n.customer_id, t.id
                from import_new n, jsonb_array_elements_text(n.tags) name
                join tags t on t.store_id = ? and lower(t.name) = lower(name)""")) {
            tags.setLong(1, storeId);
            tags.setLong(2, storeId);
            run(tags, progress);
        }
        try (PreparedStatement events = connection.prepareStatement("""
                insert into customer_events (store_id, customer_id, type, at, actor_id, data)
                select ?, customer_id, 'IMPORTED', ?, ?,
                       jsonb_build_object('ownerId', cast(? as bigint), 'stage', coalesce(stage, 'UNMARKED'),
                                          'source', coalesce(source, 'IMPORT'),
                                          'importId', cast(? as bigint), 'line', line)
                from import_new""")) {
            events.setLong(1, storeId);
            events.setTimestamp(2, at);
            events.setLong(3, actorId);
            events.setObject(4, owner, java.sql.Types.BIGINT);
            events.setLong(5, jobId);
            run(events, progress);
        }
        return created;
    }

    private static NewIds newIds(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet range = statement.executeQuery("select min(customer_id), max(customer_id) from import_new")) {
            range.next();
            return new NewIds(range.getLong(1), range.getLong(2));
        }
    }

    private static final class Staged {
        ImportMapping mapping;
        List<String> header;
        int rows;
        int unknownTags;
    }

    /** Streams the file into the staging table (COPY), one row in memory at a time. */
    private Staged stage(Connection connection, Path file, ImportOptions options, Progress progress,
            CsvSniffer.Encoding encoding, char delimiter, Map<String, CustomFieldDefinition> definitions, Instant now,
            List<String> warnings) throws IOException, SQLException {
        Set<String> tagNames = tagNames(connection, progress.storeId);
        Staged staged = new Staged();
        boolean keepRaw = options.duplicatePolicy() != DuplicatePolicy.CREATE;
        int maxRows = config.io().maxRows();
        CsvRow last = null;
        LastChar lastChar;
        try (InputStream bytes = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                Reader text = lastChar = new LastChar(CsvSniffer.reader(bytes, encoding));
                CsvReader<CsvRow> csv = CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(true)
                        .allowExtraFields(true).allowMissingFields(true).build(new CsvRow.Handler(), text);
                OutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                        "copy import_rows from stdin (format csv)", 1 << 16);
                CsvWriter staging = CsvWriter.builder().quoteStrategy(QuoteStrategies.EMPTY)
                        .lineDelimiter(LineDelimiter.LF).build(copy, StandardCharsets.UTF_8)) {
            StagingRow out = new StagingRow(staging, mapper);
            try {
                for (CsvRow row : csv) {
                    last = row;
                    if (staged.mapping == null) {
                        staged.header = List.of(row.cells());
                        staged.mapping = ImportMapping.of(row.cells(), options.mapping(), definitions);
                        if (!staged.mapping.hasName()) {
                            throw new JobFailure("No column holds the customer's name or company name. Name the column "
                                    + "\"Name\" or \"Company\", or map it with the mapping option.", row.line());
                        }
                        continue;
                    }
                    if (blank(row.cells())) {
                        continue;
                    }
                    if (++staged.rows > maxRows) {
                        throw new JobFailure("The file has more than " + maxRows + " rows, the most one import takes. "
                                + "Split it into smaller files.", row.line());
                    }
                    String reason = null;
                    ImportMapping.Read read = null;
                    CustomerFields given = null;
                    if (row.cells().length > staged.header.size() && !blankFrom(row.cells(), staged.header.size())) {
                        reason = "The row has " + row.cells().length + " cells, the header " + staged.header.size();
                    } else if (java.util.Arrays.stream(row.cells()).anyMatch(Text::hasNul)) {
                        reason = "The row holds NUL characters";
                    } else {
                        List<FieldError> errors = new ArrayList<>();
                        read = staged.mapping.read(row.cells(), errors);
                        given = read.fields();
                        try {
                            CustomerFields fields = customerInput.forImport(defaults(read.fields()), definitions);
                            if (!errors.isEmpty()) {
                                throw DomainException.invalid(errors);
                            }
                            read = new ImportMapping.Read(fields, read.tags());
                        } catch (DomainException invalid) {
                            List<FieldError> all = new ArrayList<>(errors);
                            all.addAll(invalid.fieldErrors());
                            reason = describe(all);
                        }
                    }
                    if (reason == null && !tagNames.containsAll(lower(read.tags()))) {
                        staged.unknownTags++;
                    }
                    out.write(row, reason, reason == null ? read : null, given, keepRaw || reason != null, now);
                    progress.processed.incrementAndGet();
                    if ((staged.rows & 1023) == 0) {
                        progress.checkNotStopping();
                    }
                }
            } catch (CsvParseException | UncheckedIOException e) {
                throw parseFailure(e);
            }
        }
        if (staged.mapping == null) {
            throw new JobFailure("The file holds no header row", null);
        }
        if (last != null && last.lastQuoted() && lastChar.last != '"') {
            throw new JobFailure("A quote opened in the record starting at line " + last.line() + " is never closed",
                    last.line());
        }
        return staged;
    }

    /** New customers get the create defaults; an import is their source unless the file says otherwise. */
    private static CustomerFields defaults(CustomerFields f) {
        return new CustomerFields(f.name(), f.companyName(), f.position(), f.email(), f.phone(), f.mobile(), f.fax(),
                f.imAccounts(), f.website(), f.country(), f.region(), f.city(), f.address(), f.postcode(),
                f.businessType(), f.mainProducts(), f.purchaseCategories(), f.annualPurchaseAmount(), f.companySize(),
                f.source() == null ? CustomerSource.IMPORT : f.source(),
                f.stage() == null ? CustomerStage.UNMARKED : f.stage(), f.stars() == null ? 0 : f.stars(),
                f.status() == null ? CustomerStatus.ACTIVE : f.status(), f.notes(), f.customFields());
    }

    static String describe(List<FieldError> errors) {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<String, String>(errors.stream().collect(java.util.stream.Collectors.toMap(
                FieldError::field, FieldError::message, (a, b) -> a))).forEach((field, message) -> {
                    if (!sb.isEmpty()) {
                        sb.append("; ");
                    }
                    sb.append(field).append(' ').append(message);
                });
        return sb.toString();
    }

    private static JobFailure parseFailure(RuntimeException e) {
        Long line = null;
        String message = e.getMessage() == null ? "" : e.getMessage();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("started in line (\\d+)").matcher(message);
        if (m.find()) {
            line = Long.parseLong(m.group(1));
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String why = cause instanceof java.nio.charset.CharacterCodingException
                ? "it is not in the file's encoding (give the encoding explicitly)"
                : cause.getMessage() == null ? "it is not valid CSV" : cause.getMessage();
        return new JobFailure("The file cannot be read as CSV" + (line != null ? " at line " + line : "") + ": " + why
                + ". Nothing was imported.", line);
    }

    private static boolean blank(String[] cells) {
        return blankFrom(cells, 0);
    }

    private static boolean blankFrom(String[] cells, int from) {
        for (int i = from; i < cells.length; i++) {
            if (!cells[i].isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).toList();
    }


    private static CsvSniffer.Encoding encodingOf(ImportOptions options, byte[] sample, int length, boolean complete) {
        if ("AUTO".equalsIgnoreCase(options.encoding())) {
            return CsvSniffer.encoding(sample, length, complete);
        }
        java.nio.charset.Charset charset = ImportService.charset(options.encoding());
        CsvSniffer.Encoding bom = CsvSniffer.bom(sample, length);
        // A BOM of the given encoding is not data.
        int bomLength = bom != null && (bom.charset().equals(charset)
                || (charset.equals(StandardCharsets.UTF_16) && bom.charset().name().startsWith("UTF-16")))
                ? bom.bomLength() : 0;
        if (charset.equals(StandardCharsets.UTF_16) && bom != null && bomLength > 0) {
            charset = bom.charset();
        }
        return new CsvSniffer.Encoding(charset, bomLength);
    }

    private static char delimiterOf(ImportOptions options, String sampleText) {
        return "AUTO".equalsIgnoreCase(options.delimiter()) ? CsvSniffer.delimiter(sampleText)
                : ImportService.delimiter(options.delimiter());
    }

    static String delimiterName(char delimiter) {
        return delimiter == '\t' ? "TAB" : String.valueOf(delimiter);
    }

    private Map<String, CustomFieldDefinition> definitions(Connection connection, long storeId) throws SQLException {
        Map<String, CustomFieldDefinition> definitions = new java.util.HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("select key, label, type, cast(options as text), "
                + "required from custom_field_definitions where store_id = ?")) {
            query.setLong(1, storeId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    CustomFieldDefinition d = new CustomFieldDefinition();
                    d.key = rows.getString(1);
                    d.label = rows.getString(2);
                    d.type = com.harborcrm.customfield.CustomFieldType.valueOf(rows.getString(3));
                    d.options = new ArrayList<>(List.of(mapper.readValue(rows.getString(4), String[].class)));
                    d.required = rows.getBoolean(5);
                    definitions.put(d.key, d);
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return definitions;
    }

    private static Set<String> tagNames(Connection connection, long storeId) throws SQLException {
        Set<String> names = new java.util.HashSet<>();
        try (PreparedStatement query = connection.prepareStatement("select lower(name) from tags where store_id = ?")) {
            query.setLong(1, storeId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private static void execute(Connection connection, Progress progress, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            progress.running.set(statement);
            progress.checkNotStopping();
            statement.execute(sql);
        } finally {
            progress.running.set(null);
        }
    }

    private static int run(PreparedStatement statement, Progress progress) throws SQLException {
        progress.running.set(statement);
        try {
            progress.checkNotStopping();
            return statement.executeUpdate();
        } finally {
            progress.running.set(null);
        }
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Remembers the last character read, to tell a closed final quote from one left open. */
    private static final class LastChar extends FilterReader {
        char last;

        LastChar(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset + n - 1; i >= offset; i--) {
                char c = buffer[i];
                if (c != '\r' && c != '\n') {
                    last = c;
                    break;
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0 && c != '\r' && c != '\n') {
                last = (char) c;
            }
            return c;
        }
    }

    static void logFailure(long jobId, Throwable e) {
        LOG.errorf(e, "Import job %d failed", jobId);
    }
}
