package com.harborcrm.merge;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import com.harborcrm.merge.MergeDtos.DuplicateGroupPage;

@Path("/api/v1/customers/duplicates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Duplicates and merges")
@SecurityRequirement(name = "bearerJwt")
public class DuplicateResource {

    @Inject
    DuplicateService duplicates;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "listDuplicateGroups", summary = "Groups of customers sharing a matching key",
            description = "Each group is one normalized key (email, phone/mobile digits, IM account) held by two or "
                    + "more customers of the store; a customer sharing several keys appears in several groups. "
                    + "Largest group first, then by kind and value; keyset-paged with nextCursor.")
    @APIResponse(responseCode = "200", description = "A page of groups",
            content = @Content(schema = @Schema(implementation = DuplicateGroupPage.class)))
    @APIResponse(responseCode = "400", description = "Bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DuplicateGroupPage list(
            @QueryParam("limit") @Parameter(description = "Page size, default 50, at most 200",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        var page = duplicates.groups(PageLimit.parse(limit), cursor);
        return new DuplicateGroupPage(page.items(), page.nextCursor());
    }
}
