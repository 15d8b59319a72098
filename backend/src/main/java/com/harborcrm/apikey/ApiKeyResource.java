package com.harborcrm.apikey;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.harborcrm.apikey.ApiKeyDtos.ApiKeyPage;
import com.harborcrm.apikey.ApiKeyDtos.ApiKeyView;
import com.harborcrm.apikey.ApiKeyDtos.CreateApiKeyRequest;
import com.harborcrm.apikey.ApiKeyDtos.CreatedApiKey;
import com.harborcrm.common.error.Problem;
import com.harborcrm.common.paging.PageLimit;
import com.harborcrm.common.security.Roles;

@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API keys")
@SecurityRequirement(name = "bearerJwt")
public class ApiKeyResource {

    @Inject
    ApiKeyService keys;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "listApiKeys", summary = "The store's API keys, newest first",
            description = "Revoked and expired keys included; never a key's secret.")
    @APIResponse(responseCode = "200", description = "A page of keys",
            content = @Content(schema = @Schema(implementation = ApiKeyPage.class)))
    public ApiKeyPage list(
            @QueryParam("limit") @Parameter(description = "Page size, default 50, at most 200",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        var page = keys.list(PageLimit.parse(limit), cursor);
        return new ApiKeyPage(page.items(), page.nextCursor());
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createApiKey", summary = "Create an API key",
            description = "A machine's credential for this store: send it as `Authorization: Bearer hc_live_...`. "
                    + "It can call only the operations its scopes name (the contract lists the scope of each), "
                    + "sees the whole store like a manager, never owns customers (what it creates without an "
                    + "owner goes to the pool) and is named on the timeline beside what it does. The secret is in "
                    + "this answer only.")
    @APIResponse(responseCode = "201", description = "Created; `token` is the secret", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = CreatedApiKey.class)))
    @APIResponse(responseCode = "409", description = "The store holds the most active keys it may (`conflict`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CreateApiKeyRequest body) {
        CreatedApiKey created = keys.create(body);
        return Response.created(URI.create("/api/v1/api-keys/" + created.apiKey().id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getApiKey", summary = "One API key, without its secret")
    @APIResponse(responseCode = "200", description = "The key",
            content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    @APIResponse(responseCode = "404", description = "No such key in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApiKeyView get(@PathParam("id") long id) {
        return keys.get(id);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "For good, on every instance from the next request. What the key did stays attributed "
                    + "to it. Revoking a revoked key changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such key in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void revoke(@PathParam("id") long id) {
        keys.revoke(id);
    }
}
