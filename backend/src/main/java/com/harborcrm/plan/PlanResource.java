package com.harborcrm.plan;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.harborcrm.common.error.Problem;
import com.harborcrm.common.security.Roles;
import com.harborcrm.customer.CustomerStage;
import com.harborcrm.plan.PlanDtos.BatchPlanRequest;
import com.harborcrm.plan.PlanDtos.BatchPlanResult;
import com.harborcrm.plan.PlanDtos.CadenceInput;
import com.harborcrm.plan.PlanDtos.StageTemplateList;
import com.harborcrm.plan.PlanDtos.StageTemplateView;

@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
@SecurityRequirement(name = "bearerJwt")
public class PlanResource {

    @Inject
    PlanService plans;

    @POST
    @Path("/batch")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "createPlans", summary = "The same plan for every customer of a screening selection",
            description = "ids, or a filter as in GET /customers (at most the batch limit). Customers the caller may "
                    + "not change are skipped NOT_FOUND (ids) or not selected (filter).")
    @APIResponse(responseCode = "200", description = "How many plans were created",
            content = @Content(schema = @Schema(implementation = BatchPlanResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid plan or selection (every field error at once)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BatchPlanResult batch(@Valid @NotNull BatchPlanRequest body) {
        return plans.createForSelection(body);
    }

    @GET
    @Path("/stage-templates")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "listStageTemplates", summary = "The stages' default plans")
    @APIResponse(responseCode = "200", description = "One per stage that has one",
            content = @Content(schema = @Schema(implementation = StageTemplateList.class)))
    public StageTemplateList templates() {
        return new StageTemplateList(plans.templates());
    }

    @PUT
    @Path("/stage-templates/{stage}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putStageTemplate", summary = "Set a stage's default plan (admins)",
            description = "Applied to every customer entering the stage from now on, starting that day; a plan a "
                    + "stage template made ends when its customer moves to another stage.")
    @APIResponse(responseCode = "200", description = "The template", content = @Content(schema = @Schema(implementation = StageTemplateView.class)))
    @APIResponse(responseCode = "400", description = "Invalid cadence (every field error at once) or stage",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StageTemplateView put(@PathParam("stage") CustomerStage stage, @Valid @NotNull CadenceInput body) {
        return plans.putTemplate(stage, body);
    }

    @DELETE
    @Path("/stage-templates/{stage}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteStageTemplate", summary = "Remove a stage's default plan (admins)",
            description = "Plans it already made go on.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The stage has no template",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("stage") CustomerStage stage) {
        plans.deleteTemplate(stage);
    }
}
