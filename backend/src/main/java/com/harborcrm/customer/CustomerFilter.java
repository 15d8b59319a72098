package com.harborcrm.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which customers: the screening criteria shared by the customer list, the pool, batch actions and export.
 * Every member is optional; lists mean "any of"; all members must hold. Turned into SQL by {@link CustomerQuery}.
 */
@Schema(name = "CustomerFilter", description = "Screening criteria; every member optional, lists mean any of.")
public record CustomerFilter(
        @Schema(description = "Substring of name, company name, email, or the digits of phone/mobile") String q,
        List<CustomerStage> stage,
        List<Integer> stars,
        List<CustomerStatus> status,
        List<CustomerSource> source,
        @Schema(description = "ISO 3166-1 alpha-2 codes") List<String> country,
        @Schema(description = "Carries any of these tag ids") List<Long> tag,
        @Schema(description = "Carries all of these tag ids") List<Long> tagAll,
        @Schema(description = "A user id, `me` or `none` (the pool)") String ownerId,
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
        Map<String, String> cf) {

    public static final CustomerFilter ALL = new CustomerFilter(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null);
}
