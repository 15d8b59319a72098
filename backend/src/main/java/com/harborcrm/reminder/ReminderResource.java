package com.harborcrm.reminder;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.harborcrm.common.security.Roles;
import com.harborcrm.reminder.ReminderService.Reminders;

@Path("/api/v1/reminders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reminders")
@SecurityRequirement(name = "bearerJwt")
public class ReminderResource {

    @Inject
    ReminderService reminders;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "listReminders", summary = "My follow-ups due today or overdue, and pool-return warnings",
            description = "For the signed-in user's own customers: planned follow-ups (nextFollowUpAt) up to the end "
                    + "of today in the store's time zone, and customers that return to the pool within the rule's "
                    + "warning days. `counts` feed a badge.")
    @APIResponse(responseCode = "200", description = "Counts and items",
            content = @Content(schema = @Schema(implementation = Reminders.class)))
    public Reminders list() {
        return reminders.mine();
    }
}
