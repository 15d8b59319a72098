package com.harborcrm.customfield;

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
import com.harborcrm.customfield.CustomFieldDtos.CreateCustomFieldRequest;
import com.harborcrm.customfield.CustomFieldDtos.CustomFieldList;
import com.harborcrm.customfield.CustomFieldDtos.CustomFieldView;
import com.harborcrm.customfield.CustomFieldDtos.UpdateCustomFieldRequest;

@Path("/api/v1/custom-fields")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Custom fields")
@SecurityRequirement(name = "bearerJwt")
public class CustomFieldResource {

    @Inject
    CustomFieldService customFields;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "listCustomFields", summary = "The store's custom customer fields")
    @APIResponse(responseCode = "200", description = "All definitions, oldest first",
            content = @Content(schema = @Schema(implementation = CustomFieldList.class)))
    public CustomFieldList list() {
        return new CustomFieldList(customFields.list());
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createCustomField", summary = "Define a custom customer field")
    @APIResponse(responseCode = "201", description = "Defined", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = CustomFieldView.class)))
    @APIResponse(responseCode = "400", description = "Invalid definition",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The key is already used (`conflict`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CreateCustomFieldRequest body) {
        CustomFieldView created = customFields.create(body);
        return Response.created(URI.create("/api/v1/custom-fields/" + created.id())).entity(created)
                .tag(ETags.of(created.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateCustomField", summary = "Relabel a custom field, change its options or whether it is required")
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CustomFieldView.class)))
    @APIResponse(responseCode = "404", description = "No such custom field in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the version being changed") String ifMatch,
            @Valid @NotNull UpdateCustomFieldRequest body) {
        CustomFieldView updated = customFields.update(id, body, ETags.parseIfMatch(ifMatch));
        return Response.ok(updated).tag(ETags.of(updated.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteCustomField", summary = "Delete a custom field and its values on every customer")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such custom field in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") long id) {
        customFields.delete(id);
    }
}
