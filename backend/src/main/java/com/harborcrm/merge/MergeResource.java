package com.harborcrm.merge;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.harborcrm.common.error.Problem;
import com.harborcrm.common.security.Roles;
import com.harborcrm.merge.MergeDtos.MergeRequest;
import com.harborcrm.merge.MergeDtos.MergeResult;

@Path("/api/v1/customers/{id}/merge")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Duplicates and merges")
@SecurityRequirement(name = "bearerJwt")
public class MergeResource {

    @Inject
    MergeService merges;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "mergeCustomers", summary = "Merge duplicates into this customer",
            description = "The customer keeps its non-empty fields and takes each empty one from the first duplicate "
                    + "(in duplicateIds order) that has it: text fields, stage if UNMARKED, stars if 0; IM accounts (up "
                    + "to 20), purchase categories (up to 50) and tags are united, custom fields filled key by key, "
                    + "inquiry counts added up. Owner, source and status stay the survivor's. Follow-ups, inquiries, "
                    + "events, reminders and pool returns move over; the duplicates are deleted; one MERGED event "
                    + "records it. Undo within 7 days with POST /merges/{mergeId}/undo.")
    @APIResponse(responseCode = "200", description = "Merged",
            content = @Content(schema = @Schema(implementation = MergeResult.class)))
    @APIResponse(responseCode = "400", description = "Empty duplicateIds, or the survivor among them (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The customer or a duplicate is not a customer of this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MergeResult merge(@PathParam("id") long id, @Valid @NotNull MergeRequest body) {
        return merges.merge(id, body.duplicateIds());
    }
}
