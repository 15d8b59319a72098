package com.harborcrm.plan;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.harborcrm.account.StoreTimeZones;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.sql.SqlArrays;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;
import com.harborcrm.customer.BatchDtos;
import com.harborcrm.customer.Customer;
import com.harborcrm.customer.CustomerBatch;
import com.harborcrm.customer.CustomerService;
import com.harborcrm.customer.CustomerStage;
import com.harborcrm.followup.FollowUpDtos.CreateFollowUpRequest;
import com.harborcrm.followup.FollowUpRecorded;
import com.harborcrm.followup.FollowUpService;
import com.harborcrm.followup.FollowUpType;
import com.harborcrm.plan.PlanDtos.BatchPlanRequest;
import com.harborcrm.plan.PlanDtos.BatchPlanResult;
import com.harborcrm.plan.PlanDtos.Cadence;
import com.harborcrm.plan.PlanDtos.CadenceInput;
import com.harborcrm.plan.PlanDtos.CreatePlanRequest;
import com.harborcrm.plan.PlanDtos.EndReason;
import com.harborcrm.plan.PlanDtos.Occurrence;
import com.harborcrm.plan.PlanDtos.PlanView;
import com.harborcrm.plan.PlanDtos.Status;
import com.harborcrm.plan.PlanDtos.Step;
import com.harborcrm.plan.PlanDtos.Unit;

/**
 * Follow-up plans: a cadence of tasks for a customer, kept as its current step. The cadence arithmetic lives in
 * SQL (V91's plan_occurrence and plan_next_step) so that the stage-template trigger and this service agree; here are
 * the rules around it: who may plan, validation, completion by a follow-up of the task's type, and rescheduling.
 */
@ApplicationScoped
public class PlanService {

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    StoreTimeZones timeZones;

    @Inject
    CustomerService customers;

    @Inject
    CustomerBatch batch;

    @Inject
    FollowUpService followUps;

    @Inject
    ObjectMapper mapper;

    /** The columns of a plan as {@link #view} reads them; the caller adds the from/where. */
    private static final String SELECT = """
            select p.id, p.customer_id, p.cadence, p.every_n, p.unit, p.first_after_days,
                   array_to_string(p.weekdays, ','), p.steps::text, p.task_type, p.note, p.starts_on, p.ends_on,
                   p.max_count, p.status, p.end_reason, p.step, p.completed_steps, p.due_on, p.due_type, p.due_note,
                   p.template_stage, p.created_by, p.created_at, p.version, o.owner_id is null as paused,
                   (select coalesce(json_agg(json_build_object('step', k, 'on', x.on,
                             'type', case when p.cadence = 'SEQUENCE' then p.steps -> k ->> 'type' else p.task_type end)
                             order by k), '[]')::text
                    from generate_series(p.step + 1, p.step + 3) k
                    cross join lateral (select plan_occurrence(p.cadence, p.every_n, p.unit, p.first_after_days,
                                              p.weekdays, p.steps, p.starts_on, k) as on) x
                    where p.status = 'ACTIVE' and x.on is not null and x.on >= p.due_on
                      and (p.max_count is null or k < p.max_count) and (p.ends_on is null or x.on <= p.ends_on))
            from follow_up_plans p
            join customer_owners o on o.store_id = p.store_id and o.customer_id = p.customer_id
            """;

    public List<PlanView> list(long customerId) {
        customers.findVisible(customerId, LockModeType.NONE);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where p.store_id = ?1 and p.customer_id = ?2 "
                + "order by p.status = 'ACTIVE' desc, p.id desc limit 100")
                .setParameter(1, tenant.storeId()).setParameter(2, customerId).getResultList();
        return rows.stream().map(this::view).toList();
    }

    public PlanView get(long customerId, long planId) {
        customers.findVisible(customerId, LockModeType.NONE);
        return find(customerId, planId);
    }

    private PlanView find(long customerId, long planId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " where p.store_id = ?1 and p.customer_id = ?2 and p.id = ?3")
                .setParameter(1, tenant.storeId()).setParameter(2, customerId).setParameter(3, planId).getResultList();
        if (rows.isEmpty()) {
            throw DomainException.notFound("Plan " + planId);
        }
        return view(rows.get(0));
    }

    @Transactional
    public PlanView create(long customerId, CreatePlanRequest request) {
        customers.findEditable(customerId, LockModeType.PESSIMISTIC_WRITE);
        List<Long> ids = insert(List.of(customerId), request);
        return find(customerId, ids.get(0));
    }

    /** One plan for every customer of the selection the caller may change, in one transaction. */
    @Transactional
    public BatchPlanResult createForSelection(BatchPlanRequest request) {
        List<BatchDtos.Skip> skipped = new ArrayList<>();
        check(request.plan());
        List<Long> ids = batch.selectEditable(request.selection(), skipped);
        if (ids.isEmpty()) {
            return new BatchPlanResult(0, skipped);
        }
        return new BatchPlanResult(insert(ids, request.plan()).size(), skipped);
    }

    /**
     * Inserts the plan for each customer, then sets its first task with plan_next_step as if the day before today
     * had been completed: tasks before today are never created, the first is due today at the earliest.
     */
    private List<Long> insert(List<Long> customerIds, CreatePlanRequest request) {
        LocalDate today = today();
        LocalDate startsOn = request.startsOn() == null ? today : request.startsOn();
        check(request);
        CadenceInput c = request.cadence();
        Instant now = clock.instant();
        NativeQuery<?> insert = nativeQuery("""
                insert into follow_up_plans (store_id, customer_id, cadence, every_n, unit, first_after_days, weekdays,
                    steps, task_type, note, starts_on, ends_on, max_count, status, step, step_since, created_by,
                    created_at, updated_at)
                select :store, c.id, :cadence, :every, :unit, :firstAfter, cast(:weekdays as smallint[]),
                       cast(:steps as jsonb), :taskType, :note, :startsOn, :endsOn, :maxCount, 'ACTIVE', -1, :now,
                       :me, :now, :now
                from unnest(cast(:ids as bigint[])) c(id)
                returning id""");
        insert.setParameter("store", tenant.storeId()).setParameter("ids", SqlArrays.bigints(customerIds))
                .setParameter("now", now).setParameter("me", currentUser.id())
                .setParameter("startsOn", startsOn).setParameter("endsOn", request.endsOn());
        bindCadence(insert, c);
        @SuppressWarnings("unchecked")
        List<Number> created = (List<Number>) insert.getResultList();
        List<Long> ids = created.stream().map(Number::longValue).toList();
        @SuppressWarnings("unchecked")
        List<Object> firstDue = em.createNativeQuery("""
                update follow_up_plans p set (step, due_on, due_type, due_note) =
                    (select n.step, n.due_on, n.due_type, n.due_note from plan_next_step(p, cast(:yesterday as date)) n)
                where p.store_id = :store and p.id = any(cast(:ids as bigint[]))
                returning p.due_on""")
                .setParameter("store", tenant.storeId()).setParameter("ids", SqlArrays.bigints(ids))
                .setParameter("yesterday", today.minusDays(1)).getResultList();
        if (firstDue.stream().anyMatch(Objects::isNull)) {
            // Every plan of the batch has the same schedule: none has a task from today on.
            throw DomainException.invalid(request.endsOn() != null ? "endsOn" : "startsOn",
                    "leaves no task from today on: the plan would end before it starts");
        }
        return ids;
    }

    private NativeQuery<?> nativeQuery(String sql) {
        return em.createNativeQuery(sql).unwrap(NativeQuery.class);
    }

    private void bindCadence(NativeQuery<?> query, CadenceInput c) {
        query.setParameter("cadence", c.cadence().name())
                .setParameter("every", c.cadence() == Cadence.INTERVAL ? c.every() : null, Integer.class)
                .setParameter("unit", c.cadence() == Cadence.INTERVAL ? c.unit().name() : null, String.class)
                .setParameter("firstAfter", c.cadence() == Cadence.SEQUENCE || c.firstAfterDays() == null ? 0
                        : c.firstAfterDays())
                .setParameter("weekdays", c.cadence() == Cadence.WEEKDAYS ? "{" + String.join(",",
                        c.weekdays().stream().distinct().sorted().map(d -> Integer.toString(d.getValue())).toList())
                        + "}" : null, String.class)
                .setParameter("steps", c.cadence() == Cadence.SEQUENCE ? json(c.steps()) : null, String.class)
                .setParameter("taskType", c.cadence() == Cadence.SEQUENCE ? null : c.taskType().name(), String.class)
                .setParameter("note", c.note(), String.class)
                .setParameter("maxCount", c.maxCount(), Integer.class);
    }

    /** Completes the current task by recording a follow-up of its type (which the observer below turns into the next step). */
    @Transactional
    public PlanView complete(long customerId, long planId, String content) {
        Customer customer = customers.findEditable(customerId, LockModeType.PESSIMISTIC_WRITE);
        PlanView plan = find(customerId, planId);
        if (plan.status() == Status.ENDED) {
            throw new DomainException(ProblemType.PLAN_ENDED, "This plan has ended: there is no task to complete");
        }
        String text = content != null ? content
                : plan.dueNote() != null && !plan.dueNote().isBlank() ? plan.dueNote()
                : "Plan step " + (plan.step() + 1) + " done";
        Instant now = clock.instant();
        // The customer's planned next follow-up stays: completing a task does not cancel the rep's own reminder.
        Instant keepNext = customer.nextFollowUpAt != null && customer.nextFollowUpAt.isAfter(now)
                ? customer.nextFollowUpAt : null;
        followUps.create(customerId, new CreateFollowUpRequest(plan.dueType(), text, now, keepNext));
        return find(customerId, planId);
    }

    /**
     * A follow-up of the current task's type, made since the step began, completes the step of every active plan of
     * the customer and schedules the next (or ends the plan when there is none).
     */
    void onFollowUp(@Observes FollowUpRecorded recorded) {
        LocalDate doneOn = LocalDate.ofInstant(recorded.occurredAt(), timeZones.current());
        em.createNativeQuery("""
                update follow_up_plans p
                set (step, due_on, due_type, due_note) =
                        (select n.step, n.due_on, n.due_type, n.due_note from plan_next_step(p, cast(:doneOn as date)) n),
                    completed_steps = p.completed_steps + 1, step_since = :at, updated_at = :now,
                    version = p.version + 1
                where p.store_id = :store and p.customer_id = :customer and p.status = 'ACTIVE'
                  and p.due_type = :type and p.step_since <= :at""")
                .setParameter("doneOn", doneOn).setParameter("at", recorded.occurredAt())
                .setParameter("now", clock.instant()).setParameter("store", tenant.storeId())
                .setParameter("customer", recorded.customerId()).setParameter("type", recorded.type().name())
                .executeUpdate();
        em.createNativeQuery("update follow_up_plans set status = 'ENDED', end_reason = 'FINISHED' "
                + "where store_id = ?1 and customer_id = ?2 and status = 'ACTIVE' and due_on is null")
                .setParameter(1, tenant.storeId()).setParameter(2, recorded.customerId()).executeUpdate();
    }

    /** Moves the current task to another day (snooze, reschedule): today or later. */
    @Transactional
    public PlanView reschedule(long customerId, long planId, LocalDate dueOn) {
        customers.findEditable(customerId, LockModeType.PESSIMISTIC_WRITE);
        PlanView plan = find(customerId, planId);
        if (plan.status() == Status.ENDED) {
            throw new DomainException(ProblemType.PLAN_ENDED, "This plan has ended: there is no task to move");
        }
        if (dueOn.isBefore(today())) {
            throw DomainException.invalid(new FieldError("dueOn", "must be today or later", FieldError.Code.RANGE,
                    null, null, null, null));
        }
        em.createNativeQuery("update follow_up_plans set due_on = ?3, updated_at = ?4, version = version + 1 "
                + "where store_id = ?1 and id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, planId).setParameter(3, dueOn)
                .setParameter(4, clock.instant()).executeUpdate();
        return find(customerId, planId);
    }

    /** Ends a plan (it stays listed as ENDED, CANCELLED). */
    @Transactional
    public void cancel(long customerId, long planId) {
        customers.findEditable(customerId, LockModeType.PESSIMISTIC_WRITE);
        PlanView plan = find(customerId, planId);
        if (plan.status() == Status.ENDED) {
            return;
        }
        em.createNativeQuery("update follow_up_plans set status = 'ENDED', end_reason = 'CANCELLED', due_on = null, "
                + "updated_at = ?3, version = version + 1 where store_id = ?1 and id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, planId).setParameter(3, clock.instant())
                .executeUpdate();
    }

    /** The store's calendar day now. */
    public LocalDate today() {
        ZoneId zone = timeZones.current();
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    // ---- stage templates ------------------------------------------------------------------------------------

    public List<PlanDtos.StageTemplateView> templates() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select stage, cadence, every_n, unit, first_after_days, array_to_string(weekdays, ','), steps::text,
                       task_type, note, max_count, updated_at, version
                from plan_stage_templates where store_id = ?1 order by stage""")
                .setParameter(1, tenant.storeId()).getResultList();
        return rows.stream().map(r -> new PlanDtos.StageTemplateView(CustomerStage.valueOf((String) r[0]),
                new CadenceInput(Cadence.valueOf((String) r[1]), integer(r[2]), r[3] == null ? null : Unit.valueOf((String) r[3]),
                        integer(r[4]), weekdays((String) r[5]), steps((String) r[6]),
                        r[7] == null ? null : FollowUpType.valueOf((String) r[7]), (String) r[8], integer(r[9])),
                Instants.of(r[10]), ((Number) r[11]).longValue())).toList();
    }

    @Transactional
    public PlanDtos.StageTemplateView putTemplate(CustomerStage stage, CadenceInput cadence) {
        List<FieldError> errors = new ArrayList<>();
        checkCadence(cadence, "", errors);
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        NativeQuery<?> upsert = nativeQuery("""
                insert into plan_stage_templates (store_id, stage, cadence, every_n, unit, first_after_days, weekdays,
                    steps, task_type, note, max_count, updated_at)
                values (:store, :stage, :cadence, :every, :unit, :firstAfter, cast(:weekdays as smallint[]),
                        cast(:steps as jsonb), :taskType, :note, :maxCount, :now)
                on conflict (store_id, stage) do update set cadence = excluded.cadence, every_n = excluded.every_n,
                    unit = excluded.unit, first_after_days = excluded.first_after_days, weekdays = excluded.weekdays,
                    steps = excluded.steps, task_type = excluded.task_type, note = excluded.note,
                    max_count = excluded.max_count, updated_at = excluded.updated_at,
                    version = plan_stage_templates.version + 1""");
        upsert.setParameter("store", tenant.storeId()).setParameter("stage", stage.name())
                .setParameter("now", clock.instant());
        bindCadence(upsert, cadence);
        upsert.executeUpdate();
        return templates().stream().filter(t -> t.stage() == stage).findFirst().orElseThrow();
    }

    @Transactional
    public void deleteTemplate(CustomerStage stage) {
        int deleted = em.createNativeQuery("delete from plan_stage_templates where store_id = ?1 and stage = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, stage.name()).executeUpdate();
        if (deleted == 0) {
            throw DomainException.notFound("Stage template " + stage);
        }
    }

    // ---- validation and mapping ---------------------------------------------------------------------------

    private void check(CreatePlanRequest request) {
        List<FieldError> errors = new ArrayList<>();
        checkCadence(request.cadence(), "cadence.", errors);
        if (request.endsOn() != null && request.startsOn() != null && request.endsOn().isBefore(request.startsOn())) {
            errors.add(new FieldError("endsOn", "must not be before startsOn", FieldError.Code.NOT_BEFORE_FIELD, null,
                    null, "startsOn", null));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    /** Every member the cadence needs present, and none it does not take (all errors at once). */
    static void checkCadence(CadenceInput c, String prefix, List<FieldError> errors) {
        boolean recurring = c.cadence() != Cadence.SEQUENCE;
        if (c.cadence() == Cadence.INTERVAL) {
            if (c.every() == null) {
                errors.add(FieldError.required(prefix + "every"));
            }
            if (c.unit() == null) {
                errors.add(FieldError.required(prefix + "unit"));
            }
        } else if (c.every() != null || c.unit() != null) {
            errors.add(new FieldError(prefix + (c.every() != null ? "every" : "unit"),
                    "is for INTERVAL plans only"));
        }
        if (c.cadence() == Cadence.WEEKDAYS) {
            if (c.weekdays() == null || c.weekdays().isEmpty()) {
                errors.add(FieldError.of(prefix + "weekdays", FieldError.Code.REQUIRED, "must list at least one weekday"));
            }
        } else if (c.weekdays() != null && !c.weekdays().isEmpty()) {
            errors.add(new FieldError(prefix + "weekdays", "is for WEEKDAYS plans only"));
        }
        if (recurring && c.taskType() == null) {
            errors.add(FieldError.required(prefix + "taskType"));
        }
        if (c.cadence() == Cadence.SEQUENCE) {
            if (c.steps() == null || c.steps().isEmpty()) {
                errors.add(FieldError.length(prefix + "steps", 1, PlanDtos.MAX_STEPS, "must have at least one step"));
            } else {
                for (int i = 1; i < c.steps().size(); i++) {
                    if (c.steps().get(i).day() < c.steps().get(i - 1).day()) {
                        errors.add(new FieldError(prefix + "steps[" + i + "].day", "must not come before the day of "
                                + "the step before it", FieldError.Code.NOT_BEFORE_FIELD, null, null,
                                prefix + "steps[" + (i - 1) + "].day", null));
                    }
                }
            }
            if (c.taskType() != null) {
                errors.add(new FieldError(prefix + "taskType", "is not for SEQUENCE plans: each step has its type"));
            }
            if (c.firstAfterDays() != null && c.firstAfterDays() != 0) {
                errors.add(new FieldError(prefix + "firstAfterDays", "is not for SEQUENCE plans: use the steps' days"));
            }
        } else if (c.steps() != null && !c.steps().isEmpty()) {
            errors.add(new FieldError(prefix + "steps", "is for SEQUENCE plans only"));
        }
    }

    private PlanView view(Object[] r) {
        boolean ended = "ENDED".equals(r[13]);
        Status status = ended ? Status.ENDED : Boolean.TRUE.equals(r[24]) ? Status.PAUSED : Status.ACTIVE;
        List<Occurrence> upcoming = r[25] == null ? List.of() : read((String) r[25], new TypeReference<>() {
        });
        return new PlanView(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), Cadence.valueOf((String) r[2]),
                integer(r[3]), r[4] == null ? null : Unit.valueOf((String) r[4]), ((Number) r[5]).intValue(),
                weekdays((String) r[6]), steps((String) r[7]),
                r[8] == null ? null : FollowUpType.valueOf((String) r[8]), (String) r[9], localDate(r[10]),
                localDate(r[11]), integer(r[12]), status, r[14] == null ? null : EndReason.valueOf((String) r[14]),
                Math.max(0, ((Number) r[15]).intValue()), ((Number) r[16]).intValue(), localDate(r[17]),
                r[18] == null ? null : FollowUpType.valueOf((String) r[18]), (String) r[19], upcoming,
                r[20] == null ? null : CustomerStage.valueOf((String) r[20]),
                r[21] == null ? null : ((Number) r[21]).longValue(), Instants.of(r[22]), ((Number) r[23]).longValue());
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    static LocalDate localDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static List<DayOfWeek> weekdays(String csv) {
        if (csv == null || csv.isEmpty()) {
            return null;
        }
        return Arrays.stream(csv.split(",")).map(d -> DayOfWeek.of(Integer.parseInt(d))).toList();
    }

    private List<Step> steps(String json) {
        return json == null ? null : read(json, new TypeReference<>() {
        });
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
