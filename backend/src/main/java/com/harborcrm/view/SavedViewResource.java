package com.harborcrm.view;

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
import com.harborcrm.view.SavedViewDtos.SavedViewList;
import com.harborcrm.view.SavedViewDtos.SavedViewRequest;
import com.harborcrm.view.SavedViewDtos.SavedViewView;

@Path("/api/v1/views")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Saved views")
@SecurityRequirement(name = "bearerJwt")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
public class SavedViewResource {

    @Inject
    SavedViewService views;

    @GET
    @Operation(operationId = "listViews", summary = "My saved customer screens, by name",
            description = "Screen with one: GET /customers?view={id}.")
    @APIResponse(responseCode = "200", description = "All of the caller's views",
            content = @Content(schema = @Schema(implementation = SavedViewList.class)))
    public SavedViewList list() {
        return new SavedViewList(views.list(), null);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getView", summary = "One of my saved views")
    @APIResponse(responseCode = "200", description = "The view", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = SavedViewView.class)))
    @APIResponse(responseCode = "404", description = "No such view of the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") long id) {
        SavedViewView view = views.get(id);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @POST
    @Operation(operationId = "createView", summary = "Save a customer screen under a name")
    @APIResponse(responseCode = "201", description = "Saved", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = SavedViewView.class)))
    @APIResponse(responseCode = "400", description = "Invalid name, filter (fields `filter.*`) or sort",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The caller has a view of that name (`conflict`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull SavedViewRequest body) {
        SavedViewView created = views.create(body);
        return Response.created(URI.create("/api/v1/views/" + created.id())).entity(created)
                .tag(ETags.of(created.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "replaceView", summary = "Rename a view or change its filter and sort")
    @APIResponse(responseCode = "200", description = "Saved", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = SavedViewView.class)))
    @APIResponse(responseCode = "400", description = "Invalid name, filter or sort",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such view of the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The caller has a view of that name (`conflict`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the version being replaced") String ifMatch,
            @Valid @NotNull SavedViewRequest body) {
        SavedViewView view = views.replace(id, body, ETags.parseIfMatch(ifMatch));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteView", summary = "Delete one of my saved views")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such view of the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") long id) {
        views.delete(id);
    }
}
