package com.harborcrm.digest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.Problem;
import com.harborcrm.common.security.Roles;
import com.harborcrm.digest.NotificationSettingsService.Settings;
import com.harborcrm.digest.NotificationSettingsService.Update;

@Path("/api/v1/me/notification-settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
@SecurityRequirement(name = "bearerJwt")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
public class NotificationSettingsResource {

    @Inject
    NotificationSettingsService settings;

    @Inject
    ObjectMapper mapper;

    @Inject
    jakarta.validation.Validator validator;

    @GET
    @Operation(operationId = "getNotificationSettings", summary = "My daily digest settings")
    @APIResponse(responseCode = "200", description = "The settings", content = @Content(schema = @Schema(implementation = Settings.class)))
    public Settings get() {
        return settings.mine();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateNotificationSettings", summary = "Change my daily digest settings",
            description = "The digest is an e-mail each day at digestTime (store time zone) with the day's agenda: "
                    + "overdue and due tasks, customers returning to the pool soon, repeat inquiries. Nothing is sent "
                    + "on a day with nothing to report, nor while the store's e-mail channel is off.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Update.class)))
    @APIResponse(responseCode = "200", description = "The settings", content = @Content(schema = @Schema(implementation = Settings.class)))
    @APIResponse(responseCode = "400", description = "Invalid time or language (every field error at once)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Settings update(@NotNull ObjectNode body) {
        java.util.List<FieldError> unknown = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!java.util.Set.of("digestEnabled", "digestTime", "language", "emailReady").contains(name)) {
                unknown.add(FieldError.unknown(name, "is not a known field"));
            } else if (name.equals("emailReady")) {
                unknown.add(FieldError.notWritable(name, true));
            }
        });
        if (!unknown.isEmpty()) {
            throw DomainException.invalid(unknown);
        }
        Update update;
        try {
            update = mapper.treeToValue(body, Update.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw DomainException.invalid(FieldError.of("language", FieldError.Code.ONE_OF,
                    "must be en, zh-CN or null; digestEnabled true or false"));
        }
        var violations = validator.validate(update);
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations.stream()
                    .map(v -> FieldError.of(v.getPropertyPath().toString(), v)).toList());
        }
        return settings.update(update, body.has("language"));
    }
}
