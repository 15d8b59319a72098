package com.harborcrm.pool;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Limits across all of a store's pools together, on top of each pool's own (PoolRules): with several pools a rep
 * could otherwise hold each pool's cap in every pool. 0 switches a limit off.
 */
@Schema(name = "PoolStoreLimits", description = "Limits across all of the store's pools together, on top of each "
        + "pool's own rules; 0 switches a limit off. Claims, assignments within the cap and automatic distribution "
        + "respect both.")
public record StoreLimits(
        @NotNull @Min(0) @Max(100_000) @Schema(required = true, examples = "300",
                description = "The most private customers one rep may hold, whatever their pools")
        Integer maxPrivateCustomersPerRep,
        @NotNull @Min(0) @Max(10_000) @Schema(required = true, examples = "30",
                description = "Claims per rep per calendar day in the store's time zone, from all pools together")
        Integer maxClaimsPerRepPerDay) {

    /** Where every store starts: no limit beyond each pool's. */
    public static final StoreLimits NONE = new StoreLimits(0, 0);

    /** Whether either limit is on. */
    public boolean any() {
        return maxPrivateCustomersPerRep > 0 || maxClaimsPerRepPerDay > 0;
    }
}
