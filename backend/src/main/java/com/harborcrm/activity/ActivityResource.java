package com.harborcrm.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

import com.harborcrm.activity.ActivityService.ActivityPage;
import com.harborcrm.activity.ActivityService.Filter;
import com.harborcrm.activity.ActivitySummaryService.Summary;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.Problem;
import com.harborcrm.common.paging.PageLimit;
import com.harborcrm.common.security.Roles;
import com.harborcrm.common.web.QueryDays;
import com.harborcrm.customer.CustomerStage;

@Path("/api/v1/activity")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activity")
@SecurityRequirement(name = "bearerJwt")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
public class ActivityResource {

    @Inject
    ActivityService feed;

    @Inject
    ActivitySummaryService summaries;

    @GET
    @Operation(operationId = "listActivity", summary = "The team activity feed, newest first",
            description = "Every follow-up, customer event (stage changes, claims, assignments, releases, returns, "
                    + "losses, inquiries...) and order event of the store. Managers and admins read everyone's; a rep "
                    + "their own (asking for another user is 403), with the contacts of customers now in the pool "
                    + "masked. Filters combine (all must hold; lists are any-of). `q` searches follow-up content "
                    + "(any script, Chinese included) and so lists follow-ups only. Days are the store's.")
    @APIResponse(responseCode = "200", description = "A page of entries", content = @Content(schema = @Schema(implementation = ActivityPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filters (every field error at once)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A rep asking for someone else's activity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ActivityPage list(
            @QueryParam("userId") @Parameter(description = "Whose entries (repeatable)") List<Long> userIds,
            @QueryParam("team") @Parameter(description = "Entries of the users of this team") String team,
            @QueryParam("type") @Parameter(description = "Entry types (repeatable): a follow-up type (CALL, EMAIL...), "
                    + "an event type (STAGE_CHANGED, OWNER_CHANGED...) or ORDER_<status>") List<String> types,
            @QueryParam("stage") @Parameter(description = "The customer's current stage (repeatable)") List<String> stages,
            @QueryParam("tagId") @Parameter(description = "The customer has one of these tags (repeatable)") List<Long> tagIds,
            @QueryParam("from") @Parameter(description = "First day, YYYY-MM-DD",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(description = "Last day, YYYY-MM-DD",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String to,
            @QueryParam("q") @Parameter(description = "Words in the follow-up content",
                    schema = @Schema(maxLength = ActivityService.MAX_QUERY)) String q,
            @QueryParam("limit") @Parameter(description = "Page size, default 50, at most 200",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate first = QueryDays.parse("from", from, errors);
        LocalDate last = QueryDays.parse("to", to, errors);
        List<CustomerStage> stageList = stages(stages, errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        String query = q == null || q.isBlank() ? null : q.strip();
        return feed.list(new Filter(userIds, team, types, stageList, tagIds, first, last, query), cursor,
                PageLimit.parse(limit));
    }

    @GET
    @Path("/summary")
    @Operation(operationId = "summarizeActivity", summary = "Per person and per day: follow-ups by type, customers "
            + "touched, overdue tasks",
            description = "Every active person of the filter (a rep: themselves), idle ones included, over `from`..`to` "
                    + "(default the last 7 days, at most " + ActivitySummaryService.MAX_DAYS + ").")
    @APIResponse(responseCode = "200", description = "The summary", content = @Content(schema = @Schema(implementation = Summary.class)))
    @APIResponse(responseCode = "400", description = "Invalid period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A rep asking for someone else's summary",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Summary summary(
            @QueryParam("userId") @Parameter(description = "Whom (repeatable)") List<Long> userIds,
            @QueryParam("team") @Parameter(description = "The users of this team") String team,
            @QueryParam("from") @Parameter(description = "First day, YYYY-MM-DD",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(description = "Last day, YYYY-MM-DD; default today",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate first = QueryDays.parse("from", from, errors);
        LocalDate last = QueryDays.parse("to", to, errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return summaries.summarize(userIds, team, first, last);
    }

    private static List<CustomerStage> stages(List<String> values, List<FieldError> errors) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        List<CustomerStage> stages = new ArrayList<>();
        for (String value : values) {
            try {
                stages.add(CustomerStage.valueOf(value));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.oneOf("stage", CustomerStage.values()));
                return null;
            }
        }
        return stages;
    }
}
