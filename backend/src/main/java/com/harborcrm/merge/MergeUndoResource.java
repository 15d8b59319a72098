package com.harborcrm.merge;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import com.harborcrm.merge.MergeDtos.MergeRecordPage;
import com.harborcrm.merge.MergeDtos.UndoMergeResult;

@Path("/api/v1/merges")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Duplicates and merges")
@SecurityRequirement(name = "bearerJwt")
public class MergeUndoResource {

    @Inject
    MergeService merges;

    @Inject
    MergeHistory history;

    @POST
    @Path("/{id}/undo")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "undoMerge", summary = "Undo a merge",
            description = "Within 7 days: the duplicates come back with their own ids, fields, tags and IM accounts, "
                    + "and their follow-ups, inquiries, events, reminders and pool returns move back to them. The "
                    + "survivor gets back its fields from before the merge, except those changed since. Recorded as "
                    + "MERGE_UNDONE on the survivor's timeline.")
    @APIResponse(responseCode = "200", description = "Undone",
            content = @Content(schema = @Schema(implementation = UndoMergeResult.class)))
    @APIResponse(responseCode = "404", description = "No such merge in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already undone (`merge-already-undone`), older than 7 days "
            + "(`merge-undo-expired`), or the survivor was deleted since (`conflict`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UndoMergeResult undo(@PathParam("id") long id) {
        return merges.undo(id);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "listMerges", summary = "The store's merges, newest first",
            description = "Who was merged into whom, by whom and when, and whether the merge can still be undone.")
    @APIResponse(responseCode = "200", description = "A page of merges",
            content = @Content(schema = @Schema(implementation = MergeRecordPage.class)))
    @APIResponse(responseCode = "400", description = "Bad limit or cursor (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MergeRecordPage list(
            @QueryParam("limit") @Parameter(description = "Page size, default 50, at most 200",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        var page = history.list(PageLimit.parse(limit), cursor);
        return new MergeRecordPage(page.items(), page.nextCursor());
    }
}
