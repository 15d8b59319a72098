package com.harborcrm.pool;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Automatic distribution of a pool's customers (pools v2, item 3): what /pools/{id}/distribution reads and writes. */
public final class PoolDistributionDtos {

    private PoolDistributionDtos() {
    }

    public static final int MAX_DAYS = 3650;

    @Schema(name = "DistributionMode", description = "OFF: customers wait to be claimed or assigned. ROUND_ROBIN: each "
            + "rep in turn. CAPACITY: the rep holding the fewest of the pool's customers.")
    public enum DistributionMode {
        OFF, ROUND_ROBIN, CAPACITY
    }

    @Schema(name = "DistributionRule", description = "Why the rep got the customer: their turn (ROUND_ROBIN), the most "
            + "room (CAPACITY), or a returning buyer going back to the rep who had them (RETURNING_BUYER).")
    public enum DistributionRule {
        ROUND_ROBIN, CAPACITY, RETURNING_BUYER
    }

    @Schema(name = "DistributionSkipReason", description = "ON_LEAVE: on leave today; FULL: at the pool's cap; "
            + "NOT_A_REP: managers and admins are assigned by hand; FULL_IN_STORE: at the store's limit of private "
            + "customers across all pools.")
    public enum SkipReason {
        ON_LEAVE, FULL, NOT_A_REP, FULL_IN_STORE
    }

    @Schema(name = "PoolDistribution", description = "How a pool hands its customers to its reps without anyone "
            + "claiming them. Recipients are the pool's active reps (role REP) who are not on leave and are under the "
            + "pool's private-customer cap and the store's limit across pools; a rep in reclaim cooldown for a customer is skipped for it.")
    public record DistributionView(
            @Schema(required = true) long poolId,
            @Schema(required = true) DistributionMode mode,
            @Schema(required = true, description = "Days a customer waits in the pool before it is handed out; 0: as "
                    + "soon as it enters (an inquiry, an import, a release, a return)") int afterDays,
            @Schema(required = true, description = "A buyer who sends a new inquiry within this many days of leaving "
                    + "their rep goes back to that rep first; 0: off") int returningBuyerDays,
            @Schema(required = true, description = "Sent back in If-Match to update") long version) {
    }

    @Schema(name = "PoolDistributionInput")
    public record DistributionInput(
            @NotNull @Schema(required = true) DistributionMode mode,
            @Min(0) @Max(MAX_DAYS) @Schema(minimum = "0", maximum = "3650", description = "Default 0") Integer afterDays,
            @Min(0) @Max(MAX_DAYS) @Schema(minimum = "0", maximum = "3650", description = "Default 0: off")
            Integer returningBuyerDays) {
    }

    @Schema(name = "DistributionPreviewRep", description = "What one recipient would get.")
    public record PreviewRep(
            @Schema(required = true) long userId,
            @Schema(required = true) String name,
            @Schema(required = true, description = "The pool's customers the rep holds now") int holds,
            @Schema(required = true, description = "Customers the rep would get") int wouldGet,
            @Schema(required = true, description = "Of those, returning buyers") int returningBuyers) {
    }

    @Schema(name = "DistributionPreviewSkipped", description = "A member of the pool who would get nothing, and why.")
    public record PreviewSkipped(
            @Schema(required = true) long userId,
            @Schema(required = true) String name,
            @Schema(required = true) SkipReason reason) {
    }

    @Schema(name = "DistributionPreview", description = "What distributing now would do with these settings; nothing "
            + "is written.")
    public record Preview(
            @Schema(required = true, description = "Pool customers who have waited long enough") int eligible,
            @Schema(required = true, description = "Customers who would be handed out") int wouldAssign,
            @Schema(required = true, description = "Customers who would stay in the pool (nobody with room, or only "
                    + "reps in cooldown)") int wouldStay,
            @Schema(required = true) List<PreviewRep> recipients,
            @Schema(required = true) List<PreviewSkipped> skipped) {
    }

    @Schema(name = "DistributionRun")
    public record RunResult(@Schema(required = true, description = "Customers handed out") int assigned) {
    }
}
