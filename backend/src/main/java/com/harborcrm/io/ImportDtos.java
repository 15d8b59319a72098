package com.harborcrm.io;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the import API. */
public final class ImportDtos {

    private ImportDtos() {
    }

    public enum ImportStatus {
        QUEUED, RUNNING, DONE, FAILED
    }

    /** Where new customers go. */
    public enum ImportTarget {
        POOL, OWNER
    }

    /** What happens to a row matching an existing customer (same keys as a create's duplicate check). */
    public enum DuplicatePolicy {
        SKIP, UPDATE, CREATE
    }

    /** What a running job is doing: reading the file, checking duplicates, writing customers. */
    public enum ImportPhase {
        QUEUED, READING, CHECKING, WRITING, FINISHED
    }

    @Schema(name = "ImportOptions", description = "The options a job ran with (as given, defaults filled in).")
    public record ImportOptions(
            @Schema(required = true) ImportTarget target,
            @Schema(description = "The owner of new customers when target is OWNER") Long ownerId,
            @Schema(required = true) DuplicatePolicy duplicatePolicy,
            @Schema(required = true, description = "AUTO or the charset that was asked for") String encoding,
            @Schema(required = true, description = "AUTO, or the separator asked for") String delimiter,
            @Schema(required = true, description = "Header → field overrides as given") Map<String, String> mapping,
            @Schema(required = true) boolean dryRun,
            @Schema(nullable = true, description = "An .xlsx upload: the sheet read (name or position from 1); "
                    + "null: the first") String sheet,
            @Schema(nullable = true, description = "The pool new customers went to; null: the default pool") Long poolId) {
    }

    @Schema(name = "ImportColumn", description = "How one column of the file was read.")
    public record ImportColumn(
            @Schema(required = true, description = "1-based position in the file") int position,
            @Schema(required = true) String header,
            @Schema(nullable = true, description = "The field it fills (name, email, im:WECHAT, tags, cf.<key>...); "
                    + "null: ignored") String field) {
    }

    @Schema(name = "ImportDetected", description = "What the job found the file to be.")
    public record ImportDetected(
            @Schema(examples = "UTF-8 with BOM") String encoding,
            @Schema(examples = ",") String delimiter,
            List<ImportColumn> columns) {
    }

    @Schema(name = "ImportRowError", description = "A refused row: its line in the file and why.")
    public record RowError(@Schema(required = true) long line, @Schema(required = true) String reason) {
    }

    @Schema(name = "ImportJob", description = "A CSV import job and its progress. Counts grow while it runs; "
            + "nothing is visible in the customer file before DONE (a job commits whole or not at all).")
    public record ImportJobView(
            @Schema(required = true) long id,
            @Schema(required = true) ImportStatus status,
            @Schema(required = true) ImportPhase phase,
            String fileName,
            @Schema(required = true) long fileSize,
            @Schema(required = true) ImportOptions options,
            @Schema(nullable = true) ImportDetected detected,
            @Schema(nullable = true, description = "Data rows of the file: estimated from the file size while it is "
                    + "read, exact once it has been") Integer totalRows,
            @Schema(required = true) int processedRows,
            @Schema(required = true) int created,
            @Schema(required = true) int updated,
            @Schema(required = true, description = "Rows matching an existing customer under SKIP, and UPDATE rows "
                    + "that would change nothing") int skipped,
            @Schema(required = true, description = "Rows refused: listed with their reason in rejected.csv") int rejected,
            @Schema(required = true) Instant createdAt,
            Instant startedAt,
            Instant finishedAt,
            @Schema(required = true, description = "The first refused rows") List<RowError> errorsSample,
            @Schema(required = true, description = "Things the job did not do, e.g. columns it ignored") List<String> warnings,
            @Schema(nullable = true, description = "Why a FAILED job failed") String failure,
            @Schema(nullable = true, description = "The line of the file where it failed, if it was the file") Long failureLine,
            @Schema(nullable = true, description = "When search (q) caught up with the customers the job created: "
                    + "they are in the customer file at DONE and found by q from this time on: moments later for "
                    + "a small file, about a minute and a half for a million rows. Null while it catches up, and for a "
                    + "job that did not finish") Instant searchReadyAt) {
    }
}
