package com.harborcrm.pool;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The store's pool rules. 0 switches a day or count rule off. */
@Schema(name = "PoolRules", description = "The store's pool rules; 0 switches a rule off.")
public record PoolRules(
        @NotNull @Min(0) @Max(MAX_DAYS) @Schema(required = true, examples = "30",
                description = "A private customer not followed up for this many days returns to the pool")
        Integer returnAfterDaysWithoutFollowUp,
        @NotNull @Min(0) @Max(MAX_DAYS) @Schema(required = true, examples = "90",
                description = "A private customer below stage TRANSACTION returns this many days after it was claimed or assigned")
        Integer returnAfterDaysWithoutDeal,
        @NotNull @Min(0) @Max(365) @Schema(required = true, examples = "3",
                description = "The owner is warned this many days before a return; less than every return rule")
        Integer warnDaysBeforeReturn,
        @NotNull @Min(0) @Max(100_000) @Schema(required = true, examples = "200")
        Integer maxPrivateCustomersPerRep,
        @NotNull @Min(0) @Max(10_000) @Schema(required = true, examples = "20",
                description = "Claims per rep per calendar day in the store's time zone")
        Integer maxClaimsPerRepPerDay,
        @NotNull @Min(0) @Max(MAX_DAYS) @Schema(required = true, examples = "7",
                description = "Days before a rep may claim back a customer they released or lost to auto-return")
        Integer reclaimCooldownDays,
        @NotNull @Min(0) @Max(MAX_DAYS) @Schema(required = true, examples = "0",
                description = "Customers left unclaimed in the pool this many days are deleted")
        Integer purgeUnclaimedAfterDays,
        @NotNull @Schema(required = true, description = "Reps see pool customers' contacts masked or hidden, field by "
                + "field as fieldVisibility says: email, phone numbers, IM handles, website; false: whole")
        Boolean maskContacts,
        @Schema(description = "Days without follow-up per stage, overriding returnAfterDaysWithoutFollowUp "
                + "(0: no such return in that stage)", examples = "{\"INQUIRY\": 180, \"SAMPLE_ORDER\": 30}")
        Map<String, Integer> stageFollowUpDays,
        @Schema(description = "A customer with a sent quotation, or a sample order or order confirmed or paid and "
                + "not shipped, does not return to the pool by itself; default false")
        Boolean exemptOpenDeals,
        @Min(0) @Max(365) @Schema(examples = "1", description = "The owner's manager gets a copy of the warning this many "
                + "days before a return (the escalation ladder: warn the owner, copy the manager, return); less than "
                + "every return rule; 0 or absent: off")
        Integer escalateDaysBeforeReturn,
        @Schema(description = "While maskContacts is on, what reps see of each contact of the pool's customers "
                + "before claiming them; absent: every contact masked. Answers name every field.")
        FieldVisibility fieldVisibility) {

    public static final int MAX_DAYS = 3650;

    public static PoolRules defaults() {
        return new PoolRules(30, 90, 3, 200, 20, 7, 0, true, new LinkedHashMap<>(), false, 0, FieldVisibility.ALL_MASKED);
    }

    public boolean exemptsOpenDeals() {
        return Boolean.TRUE.equals(exemptOpenDeals);
    }

    public int escalateDays() {
        return escalateDaysBeforeReturn == null ? 0 : escalateDaysBeforeReturn;
    }

    /** Every field named; absent ones masked. */
    public FieldVisibility fieldVisibilityOrDefault() {
        return fieldVisibility == null ? FieldVisibility.ALL_MASKED : fieldVisibility.complete();
    }

    public Map<String, Integer> stageFollowUpDaysOrEmpty() {
        return stageFollowUpDays == null ? Map.of() : stageFollowUpDays;
    }
}
