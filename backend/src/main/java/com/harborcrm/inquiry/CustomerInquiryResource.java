package com.harborcrm.inquiry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.harborcrm.common.error.Problem;
import com.harborcrm.common.paging.PageLimit;
import com.harborcrm.common.security.Roles;
import com.harborcrm.inquiry.InquiryDtos.InquiryPage;

@Path("/api/v1/customers/{customerId}/inquiries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inquiries")
@SecurityRequirement(name = "bearerJwt")
public class CustomerInquiryResource {

    @Inject
    InquiryService inquiries;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "listCustomerInquiries", summary = "A customer's inquiries, newest first",
            description = "Read rules of the customer file: reps see their own customers' and the pool's (contact "
                    + "details masked per the pool rules).")
    @APIResponse(responseCode = "200", description = "A page of inquiries",
            content = @Content(schema = @Schema(implementation = InquiryPage.class)))
    @APIResponse(responseCode = "400", description = "Bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InquiryPage list(@PathParam("customerId") long customerId,
            @QueryParam("limit") @Parameter(description = "Page size, default 50, at most 200",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        var page = inquiries.list(customerId, PageLimit.parse(limit), cursor);
        return new InquiryPage(page.items(), page.nextCursor());
    }
}
