package com.harborcrm.plan;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.harborcrm.common.error.Problem;
import com.harborcrm.common.security.Roles;
import com.harborcrm.plan.PlanDtos.CompleteStepRequest;
import com.harborcrm.plan.PlanDtos.CreatePlanRequest;
import com.harborcrm.plan.PlanDtos.PlanList;
import com.harborcrm.plan.PlanDtos.PlanView;
import com.harborcrm.plan.PlanDtos.RescheduleRequest;

@Path("/api/v1/customers/{customerId}/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
@SecurityRequirement(name = "bearerJwt")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
public class CustomerPlanResource {

    @Inject
    PlanService plans;

    @GET
    @Operation(operationId = "listPlans", summary = "A customer's follow-up plans, active first",
            description = "A plan of a customer in the pool reads PAUSED: its tasks come back, due no earlier than "
                    + "that day, when someone owns the customer again.")
    @APIResponse(responseCode = "200", description = "The plans", content = @Content(schema = @Schema(implementation = PlanList.class)))
    @APIResponse(responseCode = "404", description = "No such customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlanList list(@PathParam("customerId") long customerId) {
        return new PlanList(plans.list(customerId));
    }

    @POST
    @Operation(operationId = "createPlan", summary = "Plan recurring follow-ups for a customer",
            description = "Each task lands in the owner's agenda on its day (store calendar). Recording a follow-up of "
                    + "the task's type completes it and schedules the next; missed occurrences of a recurring plan are "
                    + "skipped, a sequence keeps every step. The plan ends after its count, its end date or its last "
                    + "step, when the customer is marked lost, or when it is deleted.")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Invalid cadence (every field error at once), or no task from today on",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A rep planning for a customer that is not theirs (in the pool: claim it first)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("customerId") long customerId, @Valid @NotNull CreatePlanRequest body) {
        PlanView created = plans.create(customerId, body);
        return Response.created(URI.create("/api/v1/customers/" + customerId + "/plans/" + created.id()))
                .entity(created).build();
    }

    @GET
    @Path("/{planId}")
    @Operation(operationId = "getPlan", summary = "One plan, with its current task and the next ones")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan of a customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlanView get(@PathParam("customerId") long customerId, @PathParam("planId") long planId) {
        return plans.get(customerId, planId);
    }

    @POST
    @Path("/{planId}/complete")
    @Operation(operationId = "completePlanStep", summary = "Mark the current task done",
            description = "Records a follow-up of the task's type (content: the body's, else the task's note), which "
                    + "completes the step and schedules the next. The customer's planned next follow-up is kept.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CompleteStepRequest.class)))
    @APIResponse(responseCode = "200", description = "The plan after the step", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Invalid content",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the caller's customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plan of a customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan has ended (plan-ended)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlanView complete(@PathParam("customerId") long customerId, @PathParam("planId") long planId,
            @Valid CompleteStepRequest body) {
        return plans.complete(customerId, planId, body == null ? null : body.content());
    }

    @POST
    @Path("/{planId}/reschedule")
    @Operation(operationId = "reschedulePlanStep", summary = "Move the current task to another day (snooze)")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "dueOn missing or before today",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the caller's customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plan of a customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan has ended (plan-ended)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlanView reschedule(@PathParam("customerId") long customerId, @PathParam("planId") long planId,
            @Valid @NotNull RescheduleRequest body) {
        return plans.reschedule(customerId, planId, body.dueOn());
    }

    @DELETE
    @Path("/{planId}")
    @Operation(operationId = "cancelPlan", summary = "End a plan (it stays listed, ENDED / CANCELLED)")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(responseCode = "403", description = "Not the caller's customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such plan of a customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void cancel(@PathParam("customerId") long customerId, @PathParam("planId") long planId) {
        plans.cancel(customerId, planId);
    }
}
