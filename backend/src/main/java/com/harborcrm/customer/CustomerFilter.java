package com.harborcrm.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which customers: the screening criteria shared by the customer list, the pool, batch actions and export.
 * Every member is optional; lists mean "any of"; all members must hold. Turned into SQL by {@link CustomerQuery}.
 */
// Criteria not given are left out of an answer (a saved view's filter), as the contract has them: optional, not null.
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CustomerFilter", description = "Screening criteria; every member optional, lists mean any of.")
public record CustomerFilter(
        @Size(max = MAX_SEARCH) @Schema(description = "Substring of name, company name, email, or the digits of phone/mobile; or a whole IM handle (any network)") String q,
        @Size(max = MAX_VALUES) List<CustomerStage> stage,
        @Size(max = MAX_VALUES) List<Integer> stars,
        @Size(max = MAX_VALUES) List<CustomerStatus> status,
        @Size(max = MAX_VALUES) List<CustomerSource> source,
        @Size(max = MAX_VALUES) @Schema(description = "ISO 3166-1 alpha-2 codes") List<@Size(max = 2) String> country,
        @Size(max = MAX_VALUES) @Schema(description = "Carries any of these tag ids") List<Long> tag,
        @Size(max = MAX_VALUES) @Schema(description = "Carries all of these tag ids") List<Long> tagAll,
        @Size(max = 20) @Schema(description = "A user id, `me` or `none` (the pool)") String ownerId,
        @Schema(description = "Inclusive") Instant createdFrom,
        @Schema(description = "Exclusive") Instant createdTo,
        @Schema(description = "Inclusive") Instant lastFollowUpFrom,
        @Schema(description = "Exclusive") Instant lastFollowUpTo,
        @Schema(description = "Exclusive") Instant nextFollowUpBefore,
        Boolean hasEmail,
        @Schema(description = "Phone or mobile filled in") Boolean hasPhone,
        Integer scoreMin,
        Integer scoreMax,
        @Schema(description = "Custom field values by key; equality (MULTI_SELECT: contains the choice)")
        @Size(max = MAX_VALUES) Map<String, @Size(max = com.harborcrm.customfield.CustomFieldValues.MAX_TEXT_LENGTH) String> cf,
        @Size(max = MAX_VALUES) @Schema(description = "In any of these pools (owned customers: the pool they return to)")
        List<Long> poolId) {

    /** Longest search text: a trigram search on more is only a way to burn CPU. */
    public static final int MAX_SEARCH = 100;
    /** Most values in one list criterion. */
    public static final int MAX_VALUES = 100;

    public static final CustomerFilter ALL = new CustomerFilter(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null);
}
