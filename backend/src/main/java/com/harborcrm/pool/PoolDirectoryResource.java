package com.harborcrm.pool;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.harborcrm.common.error.Problem;
import com.harborcrm.common.security.Roles;
import com.harborcrm.common.web.ETags;
import com.harborcrm.pool.PoolDirectoryDtos.MoveRequest;
import com.harborcrm.pool.PoolDirectoryDtos.MoveResult;
import com.harborcrm.pool.PoolDirectoryDtos.PoolInput;
import com.harborcrm.pool.PoolDirectoryDtos.PoolList;
import com.harborcrm.pool.PoolDirectoryDtos.PoolView;

@Path("/api/v1/pools")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pool")
@SecurityRequirement(name = "bearerJwt")
public class PoolDirectoryResource {

    @Inject
    PoolDirectory pools;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "listPools", summary = "The store's pools",
            description = "Managers and admins see every pool, a rep the pools they belong to (a pool open to "
                    + "everyone included). The default pool comes first, then by name. GET /pool?poolId= lists a "
                    + "pool's customers.")
    @APIResponse(responseCode = "200", description = "The pools",
            content = @Content(schema = @Schema(implementation = PoolList.class)))
    public PoolList list() {
        return new PoolList(pools.list());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "getPool", summary = "A pool")
    @APIResponse(responseCode = "200", description = "The pool", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = PoolView.class)))
    @APIResponse(responseCode = "404", description = "No such pool in this store, or a rep not in it (`not-found`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") long id) {
        PoolView pool = pools.get(id);
        return Response.ok(pool).tag(ETags.of(pool.version())).build();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createPool", summary = "Add a pool",
            description = "Names are unique per store, ignoring case. The new pool has no customers until a manager "
                    + "moves some in (POST /pools/{id}/customers); it takes the store's pool rules.")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = PoolView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, every one listed in `errors` (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only admins manage pools",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The name is taken (`pool-name-taken`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull PoolInput body) {
        PoolView created = pools.create(body);
        return Response.created(URI.create("/api/v1/pools/" + created.id())).entity(created)
                .tag(ETags.of(created.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updatePool", summary = "Rename a pool and set who belongs to it",
            description = "Replaces the name, everyone and memberIds. With If-Match, a stale version answers 412.")
    @APIResponse(responseCode = "200", description = "The pool", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = PoolView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, every one listed in `errors` (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only admins manage pools",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such pool in this store (`not-found`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The name is taken (`pool-name-taken`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale (`precondition-failed`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the version being changed") String ifMatch,
            @Valid @NotNull PoolInput body) {
        PoolView updated = pools.update(id, body, ETags.parseIfMatch(ifMatch));
        return Response.ok(updated).tag(ETags.of(updated.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deletePool", summary = "Delete a pool; its customers go to the default pool",
            description = "Unowned customers move to the default pool now; owned ones will return there.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Only admins manage pools",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such pool in this store (`not-found`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The default pool cannot be deleted (`default-pool`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") long id) {
        pools.delete(id);
    }

    @POST
    @Path("/{id}/customers")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "moveCustomersToPool", summary = "Put customers in a pool",
            description = "Unowned customers move at once; owned ones keep their owner and return to this pool when "
                    + "released or returned. Ids of no customer of the store are listed in notFound.")
    @APIResponse(responseCode = "200", description = "What moved",
            content = @Content(schema = @Schema(implementation = MoveResult.class)))
    @APIResponse(responseCode = "400", description = "1 to 1,000 ids are required (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only managers and admins move customers",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such pool in this store (`not-found`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MoveResult move(@PathParam("id") long id, @Valid @NotNull MoveRequest body) {
        return pools.move(id, body.customerIds());
    }
}
