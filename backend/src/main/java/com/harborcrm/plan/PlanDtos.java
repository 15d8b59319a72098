package com.harborcrm.plan;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.common.web.Text;
import com.harborcrm.customer.BatchDtos;
import com.harborcrm.customer.CustomerStage;
import com.harborcrm.followup.FollowUpType;

public final class PlanDtos {

    public static final int MAX_STEPS = 50;
    public static final int MAX_NOTE = 500;

    private PlanDtos() {
    }

    @Schema(name = "PlanCadence", description = "INTERVAL: every `every` DAYS, WEEKS or MONTHS (months keep the day "
            + "of the month, clamped at month ends: Jan 31, Feb 28, Mar 31); WEEKDAYS: every week on `weekdays`; "
            + "SEQUENCE: the `steps`, each `day` days after the start.")
    public enum Cadence {
        INTERVAL, WEEKDAYS, SEQUENCE
    }

    @Schema(name = "PlanUnit")
    public enum Unit {
        DAYS, WEEKS, MONTHS
    }

    @Schema(name = "PlanStatus", description = "ACTIVE; PAUSED: the customer is in the pool (it resumes when someone "
            + "owns it, due no earlier than that day); ENDED (see endReason)")
    public enum Status {
        ACTIVE, PAUSED, ENDED
    }

    @Schema(name = "PlanEndReason", description = "FINISHED: its count, end date or last step reached; CANCELLED: "
            + "someone ended it; LOST: the customer was marked lost; STAGE_LEFT: a stage template's plan whose "
            + "customer moved to another stage")
    public enum EndReason {
        FINISHED, CANCELLED, LOST, STAGE_LEFT
    }

    @Schema(name = "PlanStep", description = "A step of a SEQUENCE: `day` days after the start, a task of `type`")
    public record Step(
            @NotNull @Min(0) @Max(366) @Schema(required = true, minimum = "0", maximum = "366") Integer day,
            @NotNull @Schema(required = true) FollowUpType type,
            @Size(max = MAX_NOTE) @Pattern(regexp = Text.NO_NUL, message = Text.NO_NUL_MESSAGE) String note) {
    }

    @Schema(name = "PlanCadenceInput", description = "The cadence of a plan or a stage template. INTERVAL needs every "
            + "and unit; WEEKDAYS needs weekdays; both need taskType. SEQUENCE needs steps (days in order) and takes "
            + "no taskType. firstAfterDays delays the first task of INTERVAL and WEEKDAYS (\"call after 7 days, then "
            + "every 14 days\").")
    public record CadenceInput(
            @NotNull @Schema(required = true) Cadence cadence,
            @Min(1) @Max(366) @Schema(minimum = "1", maximum = "366") Integer every,
            Unit unit,
            @Min(0) @Max(366) @Schema(minimum = "0", maximum = "366") Integer firstAfterDays,
            @Size(max = 7) @Schema(maxItems = 7) List<@NotNull DayOfWeek> weekdays,
            @Size(max = MAX_STEPS) @Schema(maxItems = MAX_STEPS) List<@NotNull @Valid Step> steps,
            @Schema(description = "The task of INTERVAL and WEEKDAYS plans") FollowUpType taskType,
            @Size(max = MAX_NOTE) @Pattern(regexp = Text.NO_NUL, message = Text.NO_NUL_MESSAGE)
            @Schema(maxLength = MAX_NOTE, description = "What to do, shown with each task") String note,
            @Min(1) @Max(1000) @Schema(minimum = "1", maximum = "1000",
                    description = "End after this many tasks") Integer maxCount) {
    }

    @Schema(name = "CreatePlanRequest")
    public record CreatePlanRequest(
            @NotNull @Valid @Schema(required = true) CadenceInput cadence,
            @Schema(description = "The first day of the plan (store calendar); default today. Tasks before today "
                    + "are not created: the first one is due today at the earliest.") LocalDate startsOn,
            @Schema(description = "No task after this day") LocalDate endsOn) {
    }

    @Schema(name = "BatchPlanRequest", description = "The same plan for every customer of a selection (ids or a "
            + "screening filter) that the caller may change: a rep's own customers, any for managers and admins.")
    public record BatchPlanRequest(
            @NotNull @Valid @Schema(required = true) BatchDtos.Selection selection,
            @NotNull @Valid @Schema(required = true) CreatePlanRequest plan) {
    }

    @Schema(name = "PlanOccurrence", description = "A task of the plan: its step, day and type")
    public record Occurrence(@Schema(required = true) int step, @Schema(required = true) LocalDate on,
            @Schema(required = true) FollowUpType type) {
    }

    @Schema(name = "Plan")
    public record PlanView(
            @Schema(required = true) long id,
            @Schema(required = true) long customerId,
            @Schema(required = true) Cadence cadence,
            Integer every,
            Unit unit,
            @Schema(required = true) int firstAfterDays,
            List<DayOfWeek> weekdays,
            List<Step> steps,
            FollowUpType taskType,
            String note,
            @Schema(required = true) LocalDate startsOn,
            LocalDate endsOn,
            Integer maxCount,
            @Schema(required = true) Status status,
            @Schema(nullable = true) EndReason endReason,
            @Schema(required = true, description = "The current step (0-based)") int step,
            @Schema(required = true, description = "Steps completed so far") int completedSteps,
            @Schema(nullable = true, description = "When the current task is due (store calendar); null once ended") LocalDate dueOn,
            @Schema(nullable = true, description = "The current task's type") FollowUpType dueType,
            @Schema(nullable = true, description = "The current task's note") String dueNote,
            @Schema(required = true, description = "The tasks after the current one, at most three") List<Occurrence> upcoming,
            @Schema(nullable = true, description = "Set when a stage template made it") CustomerStage templateStage,
            @Schema(nullable = true) Long createdBy,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) long version) {
    }

    @Schema(name = "PlanList")
    public record PlanList(@Schema(required = true, description = "Active first, then newest") List<PlanView> items) {
    }

    @Schema(name = "CompletePlanStepRequest", description = "Records a follow-up of the current task's type (which "
            + "completes the step and schedules the next)")
    public record CompleteStepRequest(
            @Size(min = 1, max = 10_000) @Pattern(regexp = Text.NO_NUL, message = Text.NO_NUL_MESSAGE)
            @Schema(description = "The follow-up's content; default the task's note, or \"Plan step N done\"") String content) {
    }

    @Schema(name = "ReschedulePlanRequest")
    public record RescheduleRequest(
            @NotNull @Schema(required = true, description = "The new due day of the current task: today or later") LocalDate dueOn) {
    }

    @Schema(name = "StageTemplate", description = "A stage's default plan, applied when a customer enters the stage "
            + "(any way: a person, a batch, the pipeline board); a plan a stage template made ends when its customer "
            + "moves to another stage.")
    public record StageTemplateView(@Schema(required = true) CustomerStage stage,
            @Schema(required = true) CadenceInput cadence, @Schema(required = true) Instant updatedAt,
            @Schema(required = true) long version) {
    }

    @Schema(name = "StageTemplateList")
    public record StageTemplateList(@Schema(required = true) List<StageTemplateView> items) {
    }

    @Schema(name = "BatchPlanResult")
    public record BatchPlanResult(@Schema(required = true, description = "Plans created") int created,
            @Schema(required = true) List<BatchDtos.Skip> skipped) {
    }
}
