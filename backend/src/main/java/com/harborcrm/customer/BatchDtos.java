package com.harborcrm.customer;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class BatchDtos {

    public static final int MAX_CUSTOMERS = 50_000;

    private BatchDtos() {
    }

    public enum BatchAction {
        ADD_TAGS, REMOVE_TAGS, REPLACE_TAG, SET_STAGE, SET_STARS, DELETE
    }

    @Schema(name = "BatchSelection", description = "Exactly one of `ids` or `filter`.")
    public record Selection(
            @Size(max = MAX_CUSTOMERS) @Schema(maxItems = MAX_CUSTOMERS) List<@NotNull Long> ids,
            CustomerFilter filter) {
    }

    @Schema(name = "BatchRequest", description = "ADD_TAGS/REMOVE_TAGS need tagIds; REPLACE_TAG fromTagId and "
            + "toTagId; SET_STAGE stage; SET_STARS stars; DELETE (managers and admins) nothing more.")
    public record BatchRequest(
            @NotNull @Valid @Schema(required = true) Selection selection,
            @NotNull @Schema(required = true) BatchAction action,
            @Size(max = 100) List<@NotNull Long> tagIds,
            Long fromTagId,
            Long toTagId,
            CustomerStage stage,
            @Min(0) @Max(3) Integer stars) {
    }

    @Schema(name = "BatchSkip")
    public record Skip(@Schema(required = true) long id,
            @Schema(required = true, description = "NOT_FOUND: no such customer visible to the caller") String reason) {
    }

    @Schema(name = "BatchResult")
    public record BatchResult(
            @Schema(required = true, description = "Customers selected that the caller may change") int matched,
            @Schema(required = true, description = "Customers actually changed (others already were so)") int changed,
            @Schema(required = true) List<Skip> skipped) {
    }
}
