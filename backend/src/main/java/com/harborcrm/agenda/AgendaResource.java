package com.harborcrm.agenda;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.harborcrm.agenda.AgendaService.Agenda;
import com.harborcrm.agenda.AgendaService.Counts;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.Problem;
import com.harborcrm.common.security.Roles;
import com.harborcrm.common.web.QueryDays;
import com.harborcrm.common.web.Text;
import com.harborcrm.followup.FollowUpType;

@Path("/api/v1/agenda")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agenda")
@SecurityRequirement(name = "bearerJwt")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
public class AgendaResource {

    @Inject
    AgendaService agenda;

    @Schema(name = "RescheduleAgendaItemRequest")
    public record RescheduleRequest(@NotNull @Schema(required = true,
            description = "The store day to move it to: today or later") LocalDate on) {
    }

    @Schema(name = "CompleteAgendaItemRequest", description = "A plan task records a follow-up of its own type; a next "
            + "follow-up records one of `type` (default CALL)")
    public record DoneRequest(FollowUpType type,
            @Size(min = 1, max = 10_000) @Pattern(regexp = Text.NO_NUL, message = Text.NO_NUL_MESSAGE) String content) {
    }

    @GET
    @Operation(operationId = "getAgenda", summary = "A user's agenda by store day",
            description = "Plan tasks and planned next follow-ups due from `from` to `to` (default today and the six "
                    + "days after, at most " + AgendaService.MAX_DAYS + " days) plus everything overdue, customers "
                    + "returning to the pool within the warning window and unanswered repeat inquiries. Days are the "
                    + "store's time zone. Managers and admins may read any user's agenda (userId); a rep only their own.")
    @APIResponse(responseCode = "200", description = "The agenda", content = @Content(schema = @Schema(implementation = Agenda.class)))
    @APIResponse(responseCode = "400", description = "Invalid dates or range (every field error at once)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A rep asking for someone else's agenda",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user in the store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Agenda get(
            @QueryParam("userId") @Parameter(description = "Whose agenda; default the caller") Long userId,
            @QueryParam("from") @Parameter(description = "First day, YYYY-MM-DD; default today",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(description = "Last day, YYYY-MM-DD; default six days after from",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate first = QueryDays.parse("from", from, errors);
        LocalDate last = QueryDays.parse("to", to, errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return agenda.of(userId, first, last);
    }

    @GET
    @Path("/counts")
    @Operation(operationId = "getAgendaCounts", summary = "Today's counts for the header badge")
    @APIResponse(responseCode = "200", description = "Counts", content = @Content(schema = @Schema(implementation = Counts.class)))
    @APIResponse(responseCode = "403", description = "A rep asking for someone else's counts",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user in the store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Counts counts(@QueryParam("userId") @Parameter(description = "Whose; default the caller") Long userId) {
        Agenda today = agenda.of(userId, null, null);
        return today.counts();
    }

    @POST
    @Path("/items/{key}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rescheduleAgendaItem", summary = "Snooze or reschedule a plan task or a next follow-up")
    @APIResponse(responseCode = "204", description = "Moved")
    @APIResponse(responseCode = "400", description = "A day before today, or an item that cannot move (POOL_RETURN, REPEAT_INQUIRY)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the caller's customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan has ended (plan-ended)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void reschedule(@PathParam("key") String key, @Valid @NotNull RescheduleRequest body) {
        agenda.reschedule(key, body.on());
    }

    @POST
    @Path("/items/{key}/done")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "completeAgendaItem", summary = "Mark a plan task or a next follow-up done",
            description = "Records the follow-up, which completes a plan's step (and schedules the next) or settles "
                    + "the planned next follow-up.")
    @RequestBody(content = @Content(schema = @Schema(implementation = DoneRequest.class)))
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "400", description = "Invalid body, or an item done by following up (POOL_RETURN, REPEAT_INQUIRY)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the caller's customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan has ended (plan-ended)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void done(@PathParam("key") String key, @Valid DoneRequest body) {
        agenda.done(key, body == null ? null : body.type(), body == null ? null : body.content());
    }
}
