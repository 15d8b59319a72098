package com.harborcrm.notification;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.Problem;
import com.harborcrm.common.paging.PageLimit;
import com.harborcrm.common.security.Roles;
import com.harborcrm.notification.NotificationDtos.Count;
import com.harborcrm.notification.NotificationDtos.Marked;
import com.harborcrm.notification.NotificationDtos.NotificationPage;

/** The signed-in person's notifications: the header bell. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
@SecurityRequirement(name = "bearerJwt")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
public class NotificationResource {

    @Inject
    NotificationService notifications;

    @Inject
    Clock clock;

    @GET
    @Operation(operationId = "listNotifications", summary = "My notifications, newest first",
            description = "What the pool's escalation ladder told you: your customers about to return (the pool's "
                    + "warning days), customers of the people you manage about to return (its escalation days), and "
                    + "your customers that returned. `unread` counts all your unread ones, for the header badge.")
    @APIResponse(responseCode = "200", description = "A page of notifications",
            content = @Content(schema = @Schema(implementation = NotificationPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor or unreadOnly (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NotificationPage list(
            @QueryParam("unreadOnly") @Parameter(description = "true: unread ones only; default false",
                    schema = @Schema(type = SchemaType.BOOLEAN)) String unreadOnly,
            @QueryParam("limit") @Parameter(description = "Page size, default 50, at most 200",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        boolean unread = flag(unreadOnly);
        return notifications.mine(unread, cursor, PageLimit.parse(limit));
    }

    @GET
    @Path("/count")
    @Operation(operationId = "countNotifications", summary = "How many of my notifications are unread (the badge)")
    @APIResponse(responseCode = "200", description = "The count", content = @Content(schema = @Schema(implementation = Count.class)))
    public Count count() {
        return new Count(notifications.unreadCount());
    }

    @PUT
    @Path("/{id}/read")
    @Operation(operationId = "markNotificationRead", summary = "Mark one of my notifications read")
    @APIResponse(responseCode = "204", description = "Marked (also when it already was)")
    @APIResponse(responseCode = "404", description = "No such notification of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void markRead(@PathParam("id") long id) {
        notifications.mark(id, true, clock.instant());
    }

    @DELETE
    @Path("/{id}/read")
    @Operation(operationId = "markNotificationUnread", summary = "Mark one of my notifications unread again")
    @APIResponse(responseCode = "204", description = "Marked unread")
    @APIResponse(responseCode = "404", description = "No such notification of yours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void markUnread(@PathParam("id") long id) {
        notifications.mark(id, false, clock.instant());
    }

    @POST
    @Path("/read-all")
    @Operation(operationId = "markAllNotificationsRead", summary = "Mark all my notifications read")
    @APIResponse(responseCode = "200", description = "How many were unread",
            content = @Content(schema = @Schema(implementation = Marked.class)))
    public Marked markAllRead() {
        return new Marked(notifications.markAllRead(clock.instant()));
    }

    /** A boolean query parameter taken strictly: anything but true or false is a 400, not a silent false. */
    private static boolean flag(String value) {
        if (value == null || value.isBlank() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw DomainException.invalid("unreadOnly", "must be true or false");
    }
}
