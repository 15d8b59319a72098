package com.harborcrm.reason;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
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
import com.harborcrm.common.security.Roles;
import com.harborcrm.common.web.ETags;
import com.harborcrm.common.web.Text;
import com.harborcrm.reason.LostReasonService.LostReasonList;
import com.harborcrm.reason.LostReasonService.LostReasonView;

@Path("/api/v1/lost-reasons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Lost reasons")
@SecurityRequirement(name = "bearerJwt")
public class LostReasonResource {

    @Inject
    LostReasonService reasons;

    @Schema(name = "CreateLostReasonRequest")
    public record CreateLostReasonRequest(
            @NotBlank @Size(max = LostReasonService.MAX_NAME_LENGTH) @Pattern(regexp = Text.NO_NUL, message = Text.NO_NUL_MESSAGE)
            @Schema(required = true, examples = "Payment terms") String name,
            @Min(1) @Max(10_000) @Schema(description = "Order in lists; default: after the last one") Integer position) {
    }

    @Schema(name = "UpdateLostReasonRequest", description = "JSON merge patch: members present change.")
    public record UpdateLostReasonRequest(
            @Size(min = 1, max = LostReasonService.MAX_NAME_LENGTH) @Schema(nullable = false) String name,
            @Schema(nullable = false, description = "true: no longer offered; past records keep it") Boolean archived,
            @Min(1) @Max(10_000) @Schema(nullable = false) Integer position) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "listLostReasons", summary = "The store's reasons for losing or releasing a customer",
            description = "In the store's order, archived ones included (flagged). New stores start with: product "
                    + "quality, price, service attitude, integrity, delivery, contact information lost, went to a "
                    + "competitor, no longer needs, other.")
    @APIResponse(responseCode = "200", description = "All reasons",
            content = @Content(schema = @Schema(implementation = LostReasonList.class)))
    public LostReasonList list() {
        return new LostReasonList(reasons.list(), null);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createLostReason", summary = "Add a reason",
            description = "Admins only. Names are unique per store, ignoring case; at most 100 reasons.")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = LostReasonView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The name is taken (`reason-name-taken`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CreateLostReasonRequest body) {
        LostReasonView created = reasons.create(body.name(), body.position());
        return Response.created(URI.create("/api/v1/lost-reasons/" + created.id())).entity(created)
                .tag(ETags.of(created.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateLostReason", summary = "Rename, archive, restore or move a reason",
            description = "Admins only. An archived reason is no longer offered for lost and release; statistics "
                    + "and timelines keep naming it.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UpdateLostReasonRequest.class)))
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = LostReasonView.class)))
    @APIResponse(responseCode = "400", description = "Invalid, read-only or unknown fields (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such reason in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The name is taken (`reason-name-taken`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the version being changed") String ifMatch,
            @NotNull ObjectNode body) {
        LostReasonView updated = reasons.update(id, body, ETags.parseIfMatch(ifMatch));
        return Response.ok(updated).tag(ETags.of(updated.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteLostReason", summary = "Delete a reason that was never used",
            description = "Admins only. A reason recorded on any customer's history cannot be deleted: archive it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such reason in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The reason is in use (`reason-in-use`): archive it instead",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") long id) {
        reasons.delete(id);
    }
}
