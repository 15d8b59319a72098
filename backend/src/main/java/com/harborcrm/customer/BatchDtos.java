package com.harborcrm.customer;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.common.web.Text;

public final class BatchDtos {

    public static final int MAX_CUSTOMERS = 50_000;

    private BatchDtos() {
    }

    public enum BatchAction {
        ADD_TAGS, REMOVE_TAGS, REPLACE_TAG, SET_STAGE, SET_STARS, DELETE, RELEASE, TRANSFER, LOST, REACTIVATE
    }

    @Schema(name = "BatchSelection", description = "Exactly one of `ids` or `filter`.")
    public record Selection(
            @Size(max = MAX_CUSTOMERS) @Schema(maxItems = MAX_CUSTOMERS) List<@NotNull Long> ids,
            @Valid CustomerFilter filter) {
    }

    @Schema(name = "BatchRequest", description = "ADD_TAGS/REMOVE_TAGS need tagIds; REPLACE_TAG fromTagId and "
            + "toTagId; SET_STAGE stage; SET_STARS stars; DELETE (managers and admins) nothing more.\n\n"
            + "RELEASE gives private customers back to the pool, exactly as POST /customers/{id}/release: it needs "
            + "reasonId (a current reason of the store, see /lost-reasons) and takes an optional note. Reps release "
            + "their own customers only (others are skipped NOT_FOUND); managers and admins any private customer. "
            + "Customers already in the pool are skipped ALREADY_IN_POOL. Each release is recorded as OWNER_CHANGED, "
            + "kind RELEASED, counts as abandonment and starts the previous owner's reclaim cooldown.\n\n"
            + "TRANSFER (managers and admins; a rep gets 403) gives the customers, from the pool or from other users, "
            + "to userId, exactly as POST /pool/assign: userId must be an active user of the store (400 on userId "
            + "otherwise); the target's private-customer limit holds, customers beyond it (in id order) are skipped "
            + "LIMIT_REACHED, unless an admin passes override: true (a manager gets 403); customers the target "
            + "already owns are skipped ALREADY_OWNED. Recorded as OWNER_CHANGED, kind ASSIGNED or TRANSFERRED.\n\n"
            + "LOST marks customers lost exactly as POST /customers/{id}/lost: it needs reasonId (a current reason of "
            + "the store) and takes an optional note; customers already lost are skipped ALREADY_LOST. REACTIVATE "
            + "brings lost customers back as POST /customers/{id}/reactivate; customers not lost are skipped "
            + "NOT_LOST. Reps act on their own customers only.")
    public record BatchRequest(
            @NotNull @Valid @Schema(required = true) Selection selection,
            @NotNull @Schema(required = true) BatchAction action,
            @Size(max = 100) List<@NotNull Long> tagIds,
            Long fromTagId,
            Long toTagId,
            CustomerStage stage,
            @Min(0) @Max(3) Integer stars,
            @Schema(description = "RELEASE and LOST: a current reason of the store (see /lost-reasons)") Long reasonId,
            @Size(max = 500) @Pattern(regexp = Text.NO_NUL, message = Text.NO_NUL_MESSAGE)
            @Schema(description = "RELEASE and LOST: an optional note, recorded with each customer") String note,
            @Schema(description = "TRANSFER: the active user of the store who gets the customers") Long userId,
            @Schema(description = "TRANSFER, ADMIN only: ignore the target's private-customer limit") Boolean override) {
    }

    @Schema(name = "BatchSkip")
    public record Skip(@Schema(required = true) long id,
            @Schema(required = true, description = "NOT_FOUND: no such customer visible to the caller (for a rep's RELEASE: "
                    + "not theirs); ALREADY_IN_POOL (RELEASE): it has no owner; ALREADY_OWNED (TRANSFER): the "
                    + "target owns it already; LIMIT_REACHED (TRANSFER): the target's private-customer limit is full; ALREADY_LOST (LOST): it is lost already; NOT_LOST (REACTIVATE): it "
                    + "is not lost")
            String reason) {
    }

    @Schema(name = "BatchResult")
    public record BatchResult(
            @Schema(required = true, description = "Customers selected that the caller may change") int matched,
            @Schema(required = true, description = "Customers actually changed (others already were so)") int changed,
            @Schema(required = true) List<Skip> skipped) {
    }
}
