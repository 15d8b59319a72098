package com.harborcrm.followup;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.harborcrm.common.error.Problem;
import com.harborcrm.common.paging.PageLimit;
import com.harborcrm.common.security.Roles;
import com.harborcrm.common.web.ETags;
import com.harborcrm.followup.FollowUpDtos.CreateFollowUpRequest;
import com.harborcrm.followup.FollowUpDtos.FollowUpPage;
import com.harborcrm.followup.FollowUpDtos.FollowUpView;
import com.harborcrm.followup.FollowUpDtos.UpdateFollowUpRequest;

@Path("/api/v1/customers/{customerId}/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-ups")
@SecurityRequirement(name = "bearerJwt")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
public class FollowUpResource {

    @Inject
    FollowUpService followUps;

    @POST
    @Operation(operationId = "createFollowUp", summary = "Record a follow-up",
            description = "Sets the customer's lastFollowUpAt (its latest follow-up) and nextFollowUpAt (the plan "
                    + "of its latest follow-up), which resets the pool's auto-return clock.")
    @APIResponse(responseCode = "201", description = "Recorded", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = FollowUpView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, occurredAt in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("customerId") long customerId, @Valid @NotNull CreateFollowUpRequest body) {
        FollowUpView created = followUps.create(customerId, body);
        return Response.created(URI.create("/api/v1/customers/" + customerId + "/follow-ups/" + created.id()))
                .entity(created).tag(ETags.of(created.version())).build();
    }

    @GET
    @Operation(operationId = "listFollowUps", summary = "A customer's follow-ups, newest first")
    @APIResponse(responseCode = "200", description = "A page of follow-ups",
            content = @Content(schema = @Schema(implementation = FollowUpPage.class)))
    @APIResponse(responseCode = "404", description = "No such customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FollowUpPage list(@PathParam("customerId") long customerId,
            @QueryParam("limit") @Parameter(description = "Page size, default 50, at most 200",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        var page = followUps.list(customerId, PageLimit.parse(limit), cursor);
        return new FollowUpPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getFollowUp", summary = "One follow-up, with its version in the ETag")
    @APIResponse(responseCode = "200", description = "The follow-up", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = FollowUpView.class)))
    @APIResponse(responseCode = "404", description = "No such follow-up of a customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("customerId") long customerId, @PathParam("id") long id) {
        FollowUpView followUp = followUps.get(customerId, id);
        return Response.ok(followUp).tag(ETags.of(followUp.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateFollowUp", summary = "Correct a follow-up (its author, or a manager/admin)")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UpdateFollowUpRequest.class)))
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = FollowUpView.class)))
    @APIResponse(responseCode = "400", description = "Invalid, read-only or unknown fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the author, and not a manager/admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such follow-up of a customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("customerId") long customerId, @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the version being changed") String ifMatch,
            @NotNull ObjectNode body) {
        FollowUpView updated = followUps.update(customerId, id, body, ETags.parseIfMatch(ifMatch));
        return Response.ok(updated).tag(ETags.of(updated.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteFollowUp", summary = "Delete a follow-up (its author, or a manager/admin)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Not the author, and not a manager/admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such follow-up of a customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("customerId") long customerId, @PathParam("id") long id) {
        followUps.delete(customerId, id);
    }
}
