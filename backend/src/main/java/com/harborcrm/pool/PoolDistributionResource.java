package com.harborcrm.pool;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import com.harborcrm.common.error.Problem;
import com.harborcrm.common.security.Roles;
import com.harborcrm.common.web.ETags;
import com.harborcrm.pool.PoolDistributionDtos.DistributionInput;
import com.harborcrm.pool.PoolDistributionDtos.DistributionView;
import com.harborcrm.pool.PoolDistributionDtos.Preview;
import com.harborcrm.pool.PoolDistributionDtos.RunResult;

@Path("/api/v1/pools/{id}/distribution")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pool")
@SecurityRequirement(name = "bearerJwt")
public class PoolDistributionResource {

    @Inject
    PoolDistributor distributor;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "getPoolDistribution", summary = "How the pool hands out its customers",
            description = "Off unless an admin switched it on. The server distributes every minute; each automatic "
                    + "assignment is an OWNER_CHANGED event with kind AUTO_ASSIGNED and the rule that chose the rep.")
    @APIResponse(responseCode = "200", description = "The settings", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = DistributionView.class)))
    @APIResponse(responseCode = "403", description = "Only managers and admins see distribution",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such pool in this store (`not-found`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") long id) {
        DistributionView view = distributor.get(id);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @PUT
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "updatePoolDistribution", summary = "Switch distribution on or off and set its rule",
            description = "Admins change every pool's distribution, a manager that of the pools that name them in "
                    + "managerIds. With If-Match, a stale version answers 412. Customers already waiting are handed "
                    + "out by the next run.")
    @APIResponse(responseCode = "200", description = "The settings", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = DistributionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, every one listed in `errors` (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only admins and the pool's managers change its distribution",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such pool in this store (`not-found`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale (`precondition-failed`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the version being changed") String ifMatch,
            @Valid @NotNull DistributionInput body) {
        DistributionView view = distributor.save(id, body, ETags.parseIfMatch(ifMatch));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @POST
    @Path("/preview")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "previewPoolDistribution", summary = "Who would get how many, if the pool distributed now",
            description = "With a body, for those settings (mode OFF previews round-robin); without, for the stored "
                    + "ones. Nothing is written.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = DistributionInput.class)))
    @APIResponse(responseCode = "200", description = "The preview",
            content = @Content(schema = @Schema(implementation = Preview.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, every one listed in `errors` (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only managers and admins preview distribution",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such pool in this store (`not-found`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Preview preview(@PathParam("id") long id, @Valid DistributionInput body) {
        return distributor.preview(id, body);
    }

    @POST
    @Path("/run")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "runPoolDistribution", summary = "Distribute now",
            description = "Hands out what is waiting now rather than at the next minute; nothing while distribution "
                    + "is off. Safe beside the scheduled run: they take turns.")
    @APIResponse(responseCode = "200", description = "How many were handed out",
            content = @Content(schema = @Schema(implementation = RunResult.class)))
    @APIResponse(responseCode = "403", description = "Only managers and admins distribute",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such pool in this store (`not-found`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RunResult run(@PathParam("id") long id) {
        return new RunResult(distributor.distributeNow(id));
    }
}
