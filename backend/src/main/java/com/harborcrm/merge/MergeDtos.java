package com.harborcrm.merge;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.customer.CustomerDtos.CustomerView;

/** Request and response bodies of the duplicate finder, merges and their undo. */
public final class MergeDtos {

    /** Most duplicates merged into one survivor in one request: as many as one batch action takes. */
    public static final int MAX_DUPLICATES = com.harborcrm.customer.BatchDtos.MAX_CUSTOMERS;

    private MergeDtos() {
    }

    @Schema(name = "DuplicateKind", description = "The matching key a group shares: EMAIL (normalized), PHONE "
            + "(phone or mobile digits, any against any), IM_ACCOUNT (network and handle).")
    public enum DuplicateKind {
        EMAIL, PHONE, IM_ACCOUNT
    }

    @Schema(name = "DuplicateCandidate")
    public record DuplicateCandidate(@Schema(required = true) long id, @Schema(required = true) String name,
            @Schema(nullable = true) String companyName,
            @Schema(required = true, nullable = true, description = "null: in the pool") Long ownerId,
            @Schema(required = true, nullable = true) String ownerName,
            @Schema(required = true) int inquiryCount,
            @Schema(required = true) Instant createdAt) {
    }

    @Schema(name = "DuplicateGroup", description = "Customers of the store sharing one matching key.")
    public record DuplicateGroup(
            @Schema(required = true) DuplicateKind kind,
            @Schema(required = true, description = "The shared key in its normalized form, e.g. ana@souza.com.br, "
                    + "551134567890, WECHAT:anasouza") String value,
            @Schema(required = true, description = "How many customers share it") int size,
            @Schema(required = true, description = "The customers sharing it, oldest first; at most "
                    + DuplicateService.MAX_MEMBERS + " (size tells how many in all)") List<DuplicateCandidate> customers) {
    }

    @Schema(name = "DuplicateGroupPage")
    public record DuplicateGroupPage(@Schema(required = true) List<DuplicateGroup> items,
            @Schema(required = true, nullable = true) String nextCursor) {
    }

    @Schema(name = "MergeRequest")
    public record MergeRequest(
            @NotNull @NotEmpty @Size(max = MAX_DUPLICATES) @Schema(required = true, description = "The customers merged into this one; they "
                    + "disappear. In order of preference: an empty field of the survivor takes the value of the "
                    + "first duplicate that has one. At most " + MAX_DUPLICATES + ".")
            List<@NotNull Long> duplicateIds) {
    }

    @Schema(name = "MergeResult")
    public record MergeResult(
            @Schema(required = true, description = "Undo with POST /merges/{mergeId}/undo") long mergeId,
            @Schema(required = true) CustomerView survivor,
            @Schema(required = true) List<Long> mergedIds,
            @Schema(required = true, description = "The fields the survivor took from the duplicates")
            List<String> filledFields,
            @Schema(required = true) Instant undoUntil) {
    }

    @Schema(name = "UndoMergeResult")
    public record UndoMergeResult(
            @Schema(required = true) long mergeId,
            @Schema(required = true) CustomerView survivor,
            @Schema(required = true, description = "The duplicates, back with their own records") List<Long> restoredIds) {
    }

    @Schema(name = "MergedCustomer", description = "A customer of a merge, as it was when merged.")
    public record MergedCustomer(
            @Schema(required = true) long id,
            @Schema(required = true) String name,
            @Schema(required = true, nullable = true) String companyName) {
    }

    @Schema(name = "MergeRecord", description = "A merge of the store's history.")
    public record MergeRecord(
            @Schema(required = true, description = "Undo with POST /merges/{id}/undo") long id,
            @Schema(required = true) MergedCustomer survivor,
            @Schema(required = true, description = "false: the surviving customer was deleted since") boolean survivorExists,
            @Schema(required = true, description = "The customers merged into the survivor") List<MergedCustomer> duplicates,
            @Schema(required = true) long mergedBy,
            @Schema(required = true) String mergedByName,
            @Schema(required = true) Instant mergedAt,
            @Schema(required = true, nullable = true) Instant undoneAt,
            @Schema(required = true, nullable = true) String undoneByName,
            @Schema(required = true) Instant undoUntil,
            @Schema(required = true, description = "Not undone yet, within the undo window, and the survivor still "
                    + "exists") boolean undoable) {
    }

    @Schema(name = "MergeRecordPage")
    public record MergeRecordPage(@Schema(required = true) List<MergeRecord> items,
            @Schema(required = true, nullable = true) String nextCursor) {
    }
}
