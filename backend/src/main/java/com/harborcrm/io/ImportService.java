package com.harborcrm.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.account.User;
import com.harborcrm.common.config.HarborConfig;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.paging.Cursor;
import com.harborcrm.common.paging.Page;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.customfield.CustomFieldValues;
import com.harborcrm.io.ImportDtos.DuplicatePolicy;
import com.harborcrm.io.ImportDtos.ImportJobView;
import com.harborcrm.io.ImportDtos.ImportOptions;
import com.harborcrm.io.ImportDtos.ImportTarget;

import de.siegmar.fastcsv.writer.CsvWriter;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Import jobs: checks the options and takes the file (the request answers 202 at once), runs jobs on a small pool
 * of this instance's threads, beats their heartbeat into the job rows, fails jobs whose instance died, and on
 * shutdown lets running jobs finish within a grace period before stopping them (they roll back and are FAILED).
 * PostgreSQL holds all the state: any instance answers for any job.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    public static final String METRIC = "harbor.imports";

    @Inject
    com.harborcrm.customer.PoolAccess pools;

    @Inject
    ImportJobs jobs;

    @Inject
    ImportRunner runner;

    @Inject
    HarborConfig config;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    CustomFieldValues customFields;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    @Inject
    ImportSearch search;

    private ExecutorService workers;
    private ScheduledExecutorService heartbeat;
    private final Map<Long, ImportRunner.Progress> active = new ConcurrentHashMap<>();
    private Path spool;

    @PostConstruct
    void init() {
        workers = Executors.newFixedThreadPool(config.io().workers(), r -> {
            Thread thread = new Thread(r, "harbor-import");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "harbor-import-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, 2, 2, TimeUnit.SECONDS);
        try {
            spool = Files.createTempDirectory("harbor-imports");
        } catch (IOException e) {
            throw new IllegalStateException("No temporary directory for uploads", e);
        }
    }

    void onStart(@Observes StartupEvent event) {
        reap();
    }

    /** Excel's longest sheet name. */
    private static final int MAX_SHEET_NAME = 31;

    /** The form fields of an upload, as strings: checked here so that a bad option is a 400, not a failed job. */
    public record Form(String target, String ownerId, String duplicatePolicy, String encoding, String delimiter,
            String mapping, String dryRun, String sheet, String poolId) {
    }

    /** Takes the upload and queues its job; the uploaded file is moved out of the request's reach first. */
    public ImportJobView submit(Path upload, String fileName, Form form) {
        ImportOptions options = options(form);
        long storeId = tenant.storeId();
        long size;
        Path file;
        try {
            size = Files.size(upload);
            file = Files.createTempFile(spool, "import-", ".csv");
            Files.move(upload, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Could not keep the uploaded file", e);
        }
        long actor = currentUser.id();
        long jobId = jobs.create(storeId, actor, fileName == null ? null : truncate(fileName, 255), size, options,
                clock.instant());
        ImportRunner.Progress progress = new ImportRunner.Progress(storeId, jobId);
        active.put(jobId, progress);
        // The answer is the job as accepted (QUEUED), read before a worker may start it: read after, it said
        // QUEUED or RUNNING depending on which thread came first.
        ImportJobView accepted = jobs.find(storeId, jobId);
        try {
            workers.execute(() -> execute(progress, actor, file, options));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            active.remove(jobId);
            finish(progress, file, false, "The server is shutting down; upload the file again.", null);
            return jobs.find(storeId, jobId);
        }
        return accepted;
    }

    private void execute(ImportRunner.Progress progress, long actor, Path file, ImportOptions options) {
        try {
            if (!jobs.start(progress.storeId, progress.jobId)) {
                return;
            }
            if (SpreadsheetReader.isWorkbook(file)) {
                // An .xlsx: its sheet becomes the CSV the rest of the import reads (same mapping, checks, refusals).
                Path csv = file.resolveSibling(file.getFileName() + ".csv");
                try {
                    SpreadsheetReader.toCsv(file, options.sheet(), csv);
                    Files.move(csv, file, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(csv);
                }
            }
            runner.run(progress.storeId, progress.jobId, actor, file, options, progress);
            finish(progress, file, true, null, null);
            catchUpSearch(progress);
        } catch (ImportRunner.JobFailure failure) {
            finish(progress, file, false, failure.getMessage(), failure.line);
        } catch (Exception | Error e) {
            ImportRunner.logFailure(progress.jobId, e);
            String message = progress.stopping
                    ? "The server shut down during the import; nothing was written. Upload the file again."
                    : "The import failed on our side; nothing was written. Try again, or report import "
                            + progress.jobId + ".";
            finish(progress, file, false, message, null);
        }
    }

    private void finish(ImportRunner.Progress progress, Path file, boolean done, String failure, Long line) {
        active.remove(progress.jobId);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete %s", file);
        }
        if (done || jobs.fail(progress.storeId, progress.jobId, failure, line)) {
            metrics.counter(METRIC, "status", done ? "DONE" : "FAILED").increment();
        }
    }

    /** The job is DONE; its new customers become searchable now (a failure here is retried by the reaper). */
    private void catchUpSearch(ImportRunner.Progress progress) {
        try {
            search.catchUp(progress.storeId, progress.jobId);
        } catch (SQLException | RuntimeException e) {
            LOG.warnf(e, "Import %d: search could not catch up yet; the reaper retries", progress.jobId);
        }
    }

    private void beat() {
        try {
            jobs.heartbeat(active.values());
        } catch (RuntimeException e) {
            LOG.warn("Import heartbeat failed", e);
        }
    }

    /** Fails the jobs of any instance that stopped beating (crash, kill -9, lost network). */
    @Scheduled(identity = "import-reaper", every = "30s", delayed = "30s")
    void reap() {
        int failed = jobs.failStale(config.io().staleAfter());
        if (failed > 0) {
            LOG.warnf("%d import jobs lost their instance and were marked FAILED", failed);
            metrics.counter(METRIC, "status", "FAILED").increment(failed);
        }
        try {
            int caughtUp = search.catchUpPending();
            if (caughtUp > 0) {
                LOG.warnf("%d finished imports had not caught up with search (their instance stopped); now they have",
                        caughtUp);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Imports' search catch-up failed; retried on the next round", e);
        }
    }

    /** Running jobs get the grace period to finish; then they are stopped, roll back and are marked FAILED. */
    void onStop(@Observes ShutdownEvent event) {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(config.io().shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                for (ImportRunner.Progress progress : active.values()) {
                    progress.stopping = true;
                    java.sql.Statement statement = progress.running.get();
                    if (statement != null) {
                        try {
                            statement.cancel();
                        } catch (SQLException e) {
                            LOG.debug("Cancel failed", e);
                        }
                    }
                }
                workers.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ImportRunner.Progress progress : active.values()) {
            jobs.fail(progress.storeId, progress.jobId,
                    "The server shut down before the import ran; nothing was written. Upload the file again.", null);
        }
        heartbeat.shutdownNow();
    }

    public ImportJobView get(long id) {
        ImportJobView view = jobs.find(tenant.storeId(), id);
        if (view == null) {
            throw DomainException.notFound("Import " + id);
        }
        return view;
    }

    public Page<ImportJobView> list(int limit, String cursor) {
        Long before = cursor == null ? null : Cursor.decodeLong(cursor);
        List<ImportJobView> rows = jobs.list(tenant.storeId(), before, limit + 1);
        String next = rows.size() > limit ? Cursor.encode(rows.get(limit - 1).id()) : null;
        return Page.of(rows.size() > limit ? rows.subList(0, limit) : rows, next);
    }

    /** Writes the refused rows as uploaded plus a reason column: UTF-8 with BOM, comma-separated. */
    public jakarta.ws.rs.core.StreamingOutput rejected(long id) {
        long storeId = tenant.storeId();
        return out -> {
            out.write(ExportService.UTF8_BOM);
            CsvWriter csv = CsvWriter.builder().build(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            forEachRejected(storeId, id, row -> csv.writeRecord(row.stream().map(CsvCells::safe).toList()), csv::flush);
            csv.flush();
        };
    }

    /** The same refused rows as an Excel workbook, for an upload that was one: one sheet, header first. */
    public jakarta.ws.rs.core.StreamingOutput rejectedXlsx(long id) {
        long storeId = tenant.storeId();
        return out -> {
            org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "Harbor CRM", "1.0");
            org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("Refused rows");
            int[] r = {0};
            forEachRejected(storeId, id, row -> {
                for (int c = 0; c < row.size(); c++) {
                    if (row.get(c) != null && !row.get(c).isEmpty()) {
                        sheet.value(r[0], c, row.get(c));
                    }
                }
                r[0]++;
            }, sheet::flush);
            sheet.finish();
            workbook.finish();
        };
    }

    private interface RowWriter {
        void write(List<String> cells) throws IOException;
    }

    private interface PageEnd {
        void done() throws IOException;
    }

    /** The header of the file plus "reason", then every refused row in file order, a page of 5,000 at a time. */
    private void forEachRejected(long storeId, long id, RowWriter out, PageEnd pageEnd) throws IOException {
        List<String> header = jobs.header(storeId, id);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select cast(fields as text), reason, line "
                        + "from import_rejected_rows where store_id = ? and job_id = ? and line > ? order by line limit 5000")) {
            List<String> first = new ArrayList<>(header == null ? List.of() : header);
            first.add("reason");
            out.write(first);
            long after = 0;
            while (true) {
                query.setLong(1, storeId);
                query.setLong(2, id);
                query.setLong(3, after);
                int n = 0;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        n++;
                        List<String> cells = new ArrayList<>(json.readValue(rows.getString(1), new TypeReference<List<String>>() {
                        }));
                        while (cells.size() < first.size() - 1) {
                            cells.add("");
                        }
                        cells.add(rows.getString(2));
                        out.write(cells);
                        after = rows.getLong(3);
                    }
                }
                pageEnd.done();
                if (n < 5000) {
                    break;
                }
            }
        } catch (SQLException e) {
            throw new IOException("Writing the rejected rows failed", e);
        }
    }

    private ImportOptions options(Form form) {
        List<FieldError> errors = new ArrayList<>();
        ImportTarget target = enumValue(ImportTarget.class, form.target(), ImportTarget.POOL, "target", errors);
        DuplicatePolicy policy = enumValue(DuplicatePolicy.class, form.duplicatePolicy(), DuplicatePolicy.SKIP,
                "duplicatePolicy", errors);
        Long ownerId = null;
        Long poolId = null;
        if (form.poolId() != null && !form.poolId().isBlank()) {
            try {
                poolId = Long.parseLong(form.poolId().trim());
            } catch (NumberFormatException e) {
                errors.add(new FieldError("poolId", "must be a pool id"));
            }
            if (poolId != null && !pools.isUsable(poolId)) {
                errors.add(new FieldError("poolId", "must be a pool of this store"));
            }
        }
        if (form.ownerId() != null && !form.ownerId().isBlank()) {
            try {
                ownerId = Long.parseLong(form.ownerId().trim());
            } catch (NumberFormatException e) {
                errors.add(new FieldError("ownerId", "must be a user id"));
            }
        }
        if (target == ImportTarget.OWNER && ownerId == null && errors.stream().noneMatch(e -> e.field().equals("ownerId"))) {
            errors.add(new FieldError("ownerId", "is required when target is OWNER"));
        }
        if (target == ImportTarget.POOL && ownerId != null) {
            errors.add(new FieldError("ownerId", "must be absent when target is POOL"));
        }
        if (target == ImportTarget.OWNER && ownerId != null) {
            User owner = User.findById(ownerId);
            if (owner == null || !owner.canOwnCustomers()) {
                errors.add(new FieldError("ownerId", "must be an active user of this store"));
            }
        }
        String encoding = form.encoding() == null || form.encoding().isBlank() ? "AUTO" : form.encoding().trim();
        if (!encoding.equalsIgnoreCase("AUTO") && charset(encoding) == null) {
            errors.add(new FieldError("encoding", "must be AUTO, UTF-8, UTF-16, GB18030, GBK or Windows-1252"));
        }
        String delimiter = form.delimiter() == null || form.delimiter().isEmpty() ? "AUTO" : form.delimiter();
        if (!delimiter.equalsIgnoreCase("AUTO") && delimiter(delimiter) == 0) {
            errors.add(new FieldError("delimiter", "must be AUTO, a comma, a semicolon or TAB"));
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        if (form.mapping() != null && !form.mapping().isBlank()) {
            try {
                mapping.putAll(json.readValue(form.mapping(), new TypeReference<LinkedHashMap<String, String>>() {
                }));
                var definitions = customFields.definitions();
                mapping.forEach((header, field) -> {
                    if (ImportMapping.targetOf(field, definitions) == null) {
                        errors.add(new FieldError("mapping." + header, "must be a customer field (name, companyName, "
                                + "email, phone, mobile, im:WECHAT, tags...), cf.<custom field key> or ignore"));
                    }
                });
            } catch (IOException e) {
                errors.add(new FieldError("mapping", "must be a JSON object of header to field, e.g. "
                        + "{\"Mail\": \"email\", \"Incoterm\": \"cf.incoterm\", \"Memo\": \"ignore\"}"));
            }
        }
        boolean dryRun = false;
        if (form.dryRun() != null && !form.dryRun().isBlank()) {
            if (!form.dryRun().trim().equals("true") && !form.dryRun().trim().equals("false")) {
                errors.add(new FieldError("dryRun", "must be true or false"));
            }
            dryRun = form.dryRun().trim().equals("true");
        }
        String sheet = form.sheet() == null || form.sheet().isBlank() ? null : form.sheet().trim();
        if (sheet != null && sheet.length() > MAX_SHEET_NAME) {
            errors.add(new FieldError("sheet", "must be a sheet's name (at most 31 characters) or its position",
                    FieldError.Code.LENGTH, null, (long) MAX_SHEET_NAME, null, null));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new ImportOptions(target, ownerId, policy, encoding.toUpperCase(Locale.ROOT),
                delimiter.equals("\t") ? "TAB" : delimiter.toUpperCase(Locale.ROOT), mapping, dryRun, sheet, poolId);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, E fallback, String field,
            List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return fallback;
        }
    }

    /** An explicit encoding; GBK is read as GB18030, its superset. Null when not one import reads. */
    static Charset charset(String name) {
        return switch (name.trim().toUpperCase(Locale.ROOT).replace("_", "-")) {
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "UTF-16" -> StandardCharsets.UTF_16;
            case "UTF-16LE" -> StandardCharsets.UTF_16LE;
            case "UTF-16BE" -> StandardCharsets.UTF_16BE;
            case "GB18030", "GBK", "GB2312" -> CsvSniffer.GB18030;
            case "WINDOWS-1252", "CP1252", "ISO-8859-1", "LATIN1", "LATIN-1" -> CsvSniffer.WINDOWS_1252;
            default -> null;
        };
    }

    /** An explicit separator, or 0 when it is none of those import reads. */
    static char delimiter(String value) {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case ",", "COMMA" -> ',';
            case ";", "SEMICOLON" -> ';';
            case "\t", "TAB", "\\T" -> '\t';
            default -> 0;
        };
    }

    private static String truncate(String value, int length) {
        return value.length() <= length ? value : value.substring(0, length);
    }
}
