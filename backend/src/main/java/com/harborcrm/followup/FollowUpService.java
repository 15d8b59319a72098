package com.harborcrm.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.harborcrm.account.User;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.paging.Cursor;
import com.harborcrm.common.paging.Page;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;
import com.harborcrm.customer.Customer;
import com.harborcrm.customer.CustomerService;
import com.harborcrm.customer.PotentialScore;
import com.harborcrm.followup.FollowUpDtos.CreateFollowUpRequest;
import com.harborcrm.followup.FollowUpDtos.FollowUpView;
import com.harborcrm.pool.PoolReadPolicy;

/**
 * Follow-up records. Every change recomputes the customer's {@code lastFollowUpAt} (the latest contact) and
 * {@code nextFollowUpAt} (the plan of the latest contact), and with them its potential score.
 */
@ApplicationScoped
public class FollowUpService {

    /** Client clocks drift: "now" on a phone may be a little ahead of ours. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    CustomerService customers;

    @Inject
    PoolReadPolicy readPolicy;

    @Inject
    jakarta.enterprise.event.Event<FollowUpRecorded> recorded;

    @Transactional
    public FollowUpView create(long customerId, CreateFollowUpRequest request) {
        Customer customer = customers.findEditable(customerId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        FollowUp followUp = new FollowUp();
        followUp.customerId = customerId;
        followUp.authorId = currentUser.id();
        followUp.type = request.type();
        followUp.content = request.content();
        followUp.occurredAt = request.occurredAt() == null ? now : request.occurredAt();
        followUp.nextFollowUpAt = request.nextFollowUpAt();
        checkTimes(followUp, now);
        followUp.createdAt = now;
        followUp.updatedAt = now;
        followUp.persist();
        em.flush();
        refreshCustomer(customer, now);
        recorded.fire(new FollowUpRecorded(customerId, followUp.type, followUp.occurredAt));
        return view(followUp);
    }

    /** A customer's follow-ups with their authors' names; the caller adds conditions and the order. */
    private static final String SELECT = "select f.id, f.customer_id, f.type, f.content, f.occurred_at, "
            + "f.next_follow_up_at, f.author_id, u.name, f.created_at, f.updated_at, f.version "
            + "from follow_ups f join users u on u.store_id = f.store_id and u.id = f.author_id "
            + "where f.store_id = :store and f.customer_id = :customer";

    private static FollowUpView view(Object[] r, UnaryOperator<String> mask) {
        return new FollowUpView(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                FollowUpType.valueOf((String) r[2]), mask.apply((String) r[3]), Instants.of(r[4]), Instants.of(r[5]),
                ((Number) r[6]).longValue(), (String) r[7], Instants.of(r[8]), Instants.of(r[9]),
                ((Number) r[10]).longValue());
    }

    /** One follow-up as the list shows it, with its version (what an edit sends back in If-Match). */
    public FollowUpView get(long customerId, long id) {
        Customer customer = customers.findVisible(customerId, LockModeType.NONE);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " and f.id = :id")
                .setParameter("store", tenant.storeId()).setParameter("customer", customerId).setParameter("id", id)
                .getResultList();
        if (rows.isEmpty()) {
            throw DomainException.notFound("Follow-up " + id);
        }
        return view(rows.get(0), readPolicy.textMask(customer));
    }

    public Page<FollowUpView> list(long customerId, int limit, String cursor) {
        Customer customer = customers.findVisible(customerId, LockModeType.NONE);
        UnaryOperator<String> mask = readPolicy.textMask(customer);
        String after = "";
        Instant afterAt = null;
        long afterId = 0;
        if (cursor != null) {
            List<String> parts = Cursor.decode(cursor, 2);
            try {
                afterAt = Instant.parse(parts.get(0));
                afterId = Long.parseLong(parts.get(1));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw DomainException.invalid("cursor", "is not a cursor returned by this list");
            }
            after = " and (f.occurred_at, f.id) < (:afterAt, :afterId)";
        }
        var query = em.createNativeQuery(SELECT + after
                + " order by f.occurred_at desc, f.id desc limit :limit")
                .setParameter("store", tenant.storeId()).setParameter("customer", customerId)
                .setParameter("limit", limit + 1);
        if (cursor != null) {
            query.setParameter("afterAt", afterAt).setParameter("afterId", afterId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<FollowUpView> items = rows.stream().limit(limit).map(r -> view(r, mask)).toList();
        String next = rows.size() > limit
                ? Cursor.encode(items.get(items.size() - 1).occurredAt(), items.get(items.size() - 1).id()) : null;
        return Page.of(items, next);
    }

    /** A JSON merge patch of type, content, occurredAt and nextFollowUpAt; by its author or a manager/admin. */
    @Transactional
    public FollowUpView update(long customerId, long id, ObjectNode patch, Long expectedVersion) {
        com.harborcrm.common.web.Text.requireNoNul(patch);
        Customer customer = customers.findEditable(customerId, LockModeType.PESSIMISTIC_WRITE);
        FollowUp followUp = findChangeable(customerId, id);
        if (expectedVersion != null && expectedVersion != followUp.version) {
            throw new DomainException(ProblemType.PRECONDITION_FAILED,
                    "This follow-up was changed by someone else: reload and try again");
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            JsonNode value = member.getValue();
            switch (member.getKey()) {
                case "type" -> {
                    try {
                        followUp.type = FollowUpType.valueOf(value.isTextual() ? value.asText() : "?");
                    } catch (IllegalArgumentException e) {
                        errors.add(FieldError.oneOf("type", FollowUpType.values()));
                    }
                }
                case "content" -> {
                    if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > FollowUpDtos.MAX_CONTENT) {
                        errors.add(FieldError.length("content", 1, FollowUpDtos.MAX_CONTENT,
                                "must be a non-blank string of at most " + FollowUpDtos.MAX_CONTENT + " characters"));
                    } else {
                        followUp.content = value.asText();
                    }
                }
                case "occurredAt" -> {
                    Instant at = instant(value, "occurredAt", errors);
                    if (at == null && value.isNull()) {
                        errors.add(FieldError.required("occurredAt"));
                    } else if (at != null) {
                        followUp.occurredAt = at;
                    }
                }
                case "nextFollowUpAt" -> {
                    Instant at = instant(value, "nextFollowUpAt", errors);
                    if (at != null || value.isNull()) {
                        followUp.nextFollowUpAt = at;
                    }
                }
                default -> errors.add(FieldError.notWritable(member.getKey(), Set.of("id", "customerId", "authorId",
                        "authorName", "createdAt", "updatedAt", "version").contains(member.getKey())));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Instant now = clock.instant();
        checkTimes(followUp, now);
        followUp.updatedAt = now;
        em.flush();
        refreshCustomer(customer, now);
        return view(followUp);
    }

    @Transactional
    public void delete(long customerId, long id) {
        Customer customer = customers.findEditable(customerId, LockModeType.PESSIMISTIC_WRITE);
        FollowUp followUp = findChangeable(customerId, id);
        followUp.delete();
        em.flush();
        refreshCustomer(customer, clock.instant());
    }

    /**
     * Moves the customer's planned next follow-up (the plan of its latest follow-up) to {@code at}: the agenda's
     * snooze and reschedule. 400 when the customer has no follow-up to carry a plan.
     */
    @Transactional
    public void reschedule(long customerId, Instant at) {
        Customer customer = customers.findEditable(customerId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (!at.isAfter(now.minus(CLOCK_SKEW))) {
            throw DomainException.invalid(FieldError.of("on", FieldError.Code.INVALID, "must not be in the past"));
        }
        int changed = em.createNativeQuery("update follow_ups set next_follow_up_at = ?3, updated_at = ?4, version = version + 1 "
                + "where store_id = ?1 and id = (select id from follow_ups where store_id = ?1 and customer_id = ?2 "
                + "and counts_for_timer order by occurred_at desc, id desc limit 1)")
                .setParameter(1, tenant.storeId()).setParameter(2, customerId).setParameter(3, at).setParameter(4, now)
                .executeUpdate();
        if (changed == 0) {
            throw DomainException.invalid("on", "the customer has no follow-up to plan the next one from");
        }
        refreshCustomer(customer, now);
    }

    private FollowUp findChangeable(long customerId, long id) {
        FollowUp followUp = FollowUp.findById(id);
        if (followUp == null || followUp.customerId != customerId) {
            throw DomainException.notFound("Follow-up " + id);
        }
        if (followUp.authorId != currentUser.id() && !currentUser.isManagerOrAdmin()) {
            throw DomainException.forbidden("Only its author or a manager can change a follow-up");
        }
        return followUp;
    }

    /**
     * A follow-up the server writes for a contact it made or received (a message sent, an e-mail that came in),
     * in the caller's transaction, by {@code authorId}. It keeps the customer's planned next follow-up (a mass
     * e-mail must not wipe a rep's reminder); {@code countsForTimer} false leaves the pool timer alone too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long recordAutomatic(long customerId, long authorId, FollowUpType type, String content, Instant occurredAt,
            boolean countsForTimer) {
        Customer customer = Customer.findById(customerId, LockModeType.PESSIMISTIC_WRITE);
        if (customer == null) {
            throw DomainException.notFound("Customer " + customerId);
        }
        Instant now = clock.instant();
        FollowUp followUp = new FollowUp();
        followUp.customerId = customerId;
        followUp.authorId = authorId;
        followUp.type = type;
        followUp.content = content.length() > FollowUpDtos.MAX_CONTENT
                ? content.substring(0, FollowUpDtos.MAX_CONTENT - 1) + "…" : content;
        followUp.occurredAt = occurredAt;
        followUp.nextFollowUpAt = customer.nextFollowUpAt != null && customer.nextFollowUpAt.isAfter(occurredAt)
                ? customer.nextFollowUpAt : null;
        followUp.countsForTimer = countsForTimer;
        followUp.createdAt = now;
        followUp.updatedAt = now;
        followUp.persist();
        em.flush();
        if (countsForTimer) {
            refreshCustomer(customer, now);
            recorded.fire(new FollowUpRecorded(customerId, type, occurredAt));
        }
        return followUp.id;
    }

    /** Recomputes lastFollowUpAt, nextFollowUpAt and the score from the customer's follow-ups (also after a merge moved them). */
    public void refreshCustomer(Customer customer, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> latest = em.createNativeQuery("select occurred_at, next_follow_up_at from follow_ups "
                + "where store_id = ?1 and customer_id = ?2 and counts_for_timer "
                + "order by occurred_at desc, id desc limit 1")
                .setParameter(1, tenant.storeId()).setParameter(2, customer.id).getResultList();
        customer.lastFollowUpAt = latest.isEmpty() ? null : Instants.of(latest.get(0)[0]);
        customer.nextFollowUpAt = latest.isEmpty() ? null : Instants.of(latest.get(0)[1]);
        PotentialScore.apply(customer, now);
        em.flush();
    }

    private static void checkTimes(FollowUp followUp, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (followUp.occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(FieldError.of("occurredAt", FieldError.Code.NOT_FUTURE, "must not be in the future"));
        }
        if (followUp.nextFollowUpAt != null && !followUp.nextFollowUpAt.isAfter(followUp.occurredAt)) {
            errors.add(FieldError.after("nextFollowUpAt", "occurredAt"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    private static Instant instant(JsonNode value, String field, List<FieldError> errors) {
        if (value.isNull()) {
            return null;
        }
        try {
            if (value.isTextual()) {
                return java.time.OffsetDateTime.parse(value.asText()).toInstant();
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be an ISO-8601 date-time with offset, such as 2026-03-01T09:30:00Z"));
        return null;
    }

    private static FollowUpView view(FollowUp f) {
        User author = User.findById(f.authorId);
        return new FollowUpView(f.id, f.customerId, f.type, f.content, f.occurredAt, f.nextFollowUpAt, f.authorId,
                author == null ? null : author.name, f.createdAt, f.updatedAt, f.version);
    }
}
