package com.harborcrm.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.harborcrm.account.User;
import com.harborcrm.common.audit.AuditLog;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.Problem;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.customer.CustomerDtos.CustomerFields;
import com.harborcrm.customer.CustomerDtos.CustomerView;
import com.harborcrm.customer.CustomerDtos.DuplicateMatch;
import com.harborcrm.customer.CustomerDtos.TagRef;
import com.harborcrm.pool.PoolReadPolicy;
import com.harborcrm.webhook.WebhookEventType;
import com.harborcrm.webhook.WebhookOutbox;

/** The customer file: create with duplicate check, read, merge-patch, delete. */
@ApplicationScoped
public class CustomerService {

    private static final Set<String> CREATE_OPTIONS = Set.of("ownerId", "pool", "poolId");
    /** Lost needs a reason, so the status has endpoints of its own (see CustomerLifecycle). */
    private static final String STATUS_CHANGES = "changes only through POST /customers/{id}/lost (with a reason) "
            + "and POST /customers/{id}/reactivate";

    @Inject
    PoolAccess pools;

    @Inject
    WebhookOutbox webhooks;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    CustomerInput input;

    @Inject
    DuplicateFinder duplicates;

    @Inject
    CustomerEventLog events;

    @Inject
    AuditLog audit;

    @Inject
    PoolReadPolicy readPolicy;

    @Inject
    Ownership ownership;

    @Transactional
    public CustomerView create(ObjectNode body, boolean allowDuplicate) {
        Long ownerId = ownerOfNewCustomer(body);
        Long poolId = poolOfNewCustomer(body);
        CustomerFields fields = input.forCreate(body, CREATE_OPTIONS);
        if (fields.status() != CustomerStatus.ACTIVE) {
            throw DomainException.invalid("status", STATUS_CHANGES);
        }
        DuplicateFinder.Keys keys = keysOf(fields);
        duplicates.lock(keys);
        if (!allowDuplicate) {
            refuseDuplicates(keys, null);
        }
        Instant now = clock.instant();
        Customer customer = new Customer();
        apply(customer, fields);
        customer.ownerId = ownerId;
        customer.createdBy = currentUser.id();
        customer.createdAt = now;
        customer.updatedAt = now;
        PotentialScore.apply(customer, now);
        customer.persist();
        em.flush();
        ownership.start(customer.id, ownerId, now, poolId);
        writeImHandles(customer);
        events.record(customer.id, CustomerEventType.CREATED, now, currentUser.id(),
                context(customer, "source", customer.source.name()));
        if (ownerId != null && ownerId != currentUser.id()) {
            events.record(customer.id, CustomerEventType.OWNER_CHANGED, now, currentUser.id(),
                    context(customer, "kind", CustomerEventType.OwnerChange.ASSIGNED.name(), "fromOwnerId", null,
                            "toOwnerId", ownerId));
        }
        return view(customer);
    }

    public CustomerView get(long id) {
        return view(findVisible(id, LockModeType.NONE));
    }

    @Transactional
    public CustomerView update(long id, ObjectNode patch, Long expectedVersion, boolean allowDuplicate) {
        // The row lock makes concurrent updates of one customer queue up, so each sees the previous one's
        // version: with If-Match the later one answers 412, without it merges onto the fresh state.
        Customer customer = findEditable(id, LockModeType.PESSIMISTIC_WRITE);
        if (expectedVersion != null && expectedVersion != customer.version) {
            throw new DomainException(ProblemType.PRECONDITION_FAILED,
                    "This customer was changed by someone else (now version " + customer.version
                            + "): reload it and apply your change again");
        }
        CustomerFields before = CustomerFields.of(customer);
        CustomerFields after = input.forPatch(before, patch);
        if (after.status() != before.status()) {
            throw DomainException.invalid("status", STATUS_CHANGES);
        }
        if (after.equals(before.normalized())) {
            return view(customer);
        }
        // Only contact keys this change adds can make the customer a duplicate of another.
        DuplicateFinder.Keys added = keysOf(after).without(keysOf(before));
        if (!added.isEmpty()) {
            duplicates.lock(added);
            if (!allowDuplicate) {
                refuseDuplicates(added, customer.id);
            }
        }
        Instant now = clock.instant();
        CustomerStage oldStage = customer.stage;
        int oldStars = customer.stars;
        Instant oldStageSince = customer.stageSince;
        apply(customer, after);
        customer.updatedAt = now;
        PotentialScore.apply(customer, now);
        em.flush();
        if (!Objects.equals(ContactKeys.imHandles(before.imAccounts()), ContactKeys.imHandles(after.imAccounts()))) {
            writeImHandles(customer);
        }
        long actor = currentUser.id();
        if (oldStage != customer.stage) {
            events.record(id, CustomerEventType.STAGE_CHANGED, now, actor,
                    context(customer, "from", oldStage.name(), "to", customer.stage.name(), "fromSince", oldStageSince == null ? null : oldStageSince.toString()));
        }
        if (oldStars != customer.stars) {
            events.record(id, CustomerEventType.STARS_CHANGED, now, actor,
                    context(customer, "from", oldStars, "to", (int) customer.stars));
        }
        List<String> edited = editedFields(before.normalized(), after);
        if (!edited.isEmpty()) {
            webhooks.publish(WebhookEventType.CUSTOMER_UPDATED, id, now, context(customer, "customerId", id,
                    "actorId", actor, "changedFields", edited));
        }
        return view(customer);
    }

    /**
     * The fields an edit changed, for customer.updated; stage and stars leave timeline events that announce
     * themselves (V88), so they are not repeated here.
     */
    private static List<String> editedFields(CustomerFields before, CustomerFields after) {
        List<String> edited = new ArrayList<>();
        for (var component : CustomerFields.class.getRecordComponents()) {
            String name = component.getName();
            if (name.equals("stage") || name.equals("stars")) {
                continue;
            }
            try {
                if (!Objects.equals(component.getAccessor().invoke(before), component.getAccessor().invoke(after))) {
                    edited.add(name);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return edited;
    }

    /**
     * Moves a customer forward to the stage a deal reached (a confirmed sample, a paid order), never backwards: a
     * customer already there or further stays. The STAGE_CHANGED event names its {@code cause}; a stage a person
     * sets later simply wins. The one writer of a customer's stage besides edits and batches.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean advanceStage(long id, CustomerStage to, Map<String, Object> cause) {
        Customer customer = Customer.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (customer == null || customer.stage.ordinal() >= to.ordinal()) {
            return false;
        }
        Instant now = clock.instant();
        CustomerStage oldStage = customer.stage;
        Instant oldStageSince = customer.stageSince;
        customer.stage = to;
        customer.updatedAt = now;
        PotentialScore.apply(customer, now);
        em.flush();
        events.record(id, CustomerEventType.STAGE_CHANGED, now, currentUser.id(),
                context(customer, "from", oldStage.name(), "to", to.name(), "fromSince",
                        oldStageSince == null ? null : oldStageSince.toString(), "cause", cause));
        return true;
    }

    private void refuseDuplicates(DuplicateFinder.Keys keys, Long self) {
        List<DuplicateMatch> matches = duplicates.find(keys, self);
        if (!matches.isEmpty()) {
            throw new DomainException(ProblemType.DUPLICATE_CUSTOMER,
                    "A customer with the same email, phone or IM account exists: open it, or save anyway with "
                            + "allowDuplicate=true",
                    List.of(), Problem.members("matches", matches), Map.of());
        }
    }

    private static DuplicateFinder.Keys keysOf(CustomerFields fields) {
        return DuplicateFinder.Keys.of(fields.email(), fields.phone(), fields.mobile(), fields.imAccounts());
    }

    /** Permanent: follow-ups, events and tag links go with it (foreign keys cascade); the audit keeps the id. */
    @Transactional
    public void delete(long id) {
        Customer customer = findVisible(id, LockModeType.PESSIMISTIC_WRITE);
        audit.record("CUSTOMER_DELETED", "customer", id, Map.of());
        em.detach(customer);
        em.createNativeQuery("delete from customers where store_id = ?1 and id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, id).executeUpdate();
    }

    /**
     * The customer if the caller may see it: managers and admins every customer of the store, reps their own
     * and the pool's (masked per the pool rules, see {@link PoolReadPolicy}). Anything else is "not found",
     * exactly like a missing id, so that nothing leaks.
     */
    public Customer findVisible(long id, LockModeType lock) {
        Customer customer = Customer.findById(id, lock);
        if (customer == null || !canSee(customer)) {
            throw DomainException.notFound("Customer " + id);
        }
        return customer;
    }

    /** The customer if the caller may change it: reps only their own (a pool customer must be claimed first). */
    public Customer findEditable(long id, LockModeType lock) {
        Customer customer = findVisible(id, lock);
        if (!currentUser.isManagerOrAdmin() && !Objects.equals(customer.ownerId, currentUser.id())) {
            throw DomainException.forbidden("Customer " + id + " is in the pool: claim it first");
        }
        return customer;
    }

    boolean canSee(Customer customer) {
        return currentUser.isManagerOrAdmin() || Objects.equals(customer.ownerId, currentUser.id())
                || (customer.ownerId == null && pools.canSeePool(customer.poolId));
    }

    public CustomerView view(Customer customer) {
        return readPolicy.view(customer, CustomerView.of(customer, tagsOf(customer.id)));
    }

    public List<TagRef> tagsOf(long customerId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select t.id, t.name, t.color from customer_tags ct "
                + "join tags t on t.store_id = ct.store_id and t.id = ct.tag_id "
                + "where ct.store_id = ?1 and ct.customer_id = ?2 order by lower(t.name), t.id")
                .setParameter(1, tenant.storeId()).setParameter(2, customerId).getResultList();
        return rows.stream().map(r -> new TagRef(((Number) r[0]).longValue(), (String) r[1], (String) r[2])).toList();
    }

    /** Event data: the customer's owner and stage now, then the event's own members. */
    public static Map<String, Object> context(Customer customer, Object... members) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ownerId", customer.ownerId);
        data.put("stage", customer.stage.name());
        for (int i = 0; i + 1 < members.length; i += 2) {
            data.put((String) members[i], members[i + 1]);
        }
        return data;
    }

    /** The pool a new customer goes to (or will return to): one the caller sees; the default pool when absent. */
    private Long poolOfNewCustomer(ObjectNode body) {
        JsonNode poolIdNode = body.get("poolId");
        if (poolIdNode == null || poolIdNode.isNull()) {
            return null;
        }
        if (!(poolIdNode.isIntegralNumber() && poolIdNode.canConvertToLong()) || !pools.isUsable(poolIdNode.longValue())) {
            throw DomainException.invalid("poolId", "must be a pool of this store that you belong to");
        }
        return poolIdNode.longValue();
    }

    private Long ownerOfNewCustomer(ObjectNode body) {
        JsonNode ownerNode = body.get("ownerId");
        JsonNode poolNode = body.get("pool");
        List<FieldError> errors = new ArrayList<>();
        if (ownerNode != null && !ownerNode.isNull() && !(ownerNode.isIntegralNumber() && ownerNode.canConvertToLong())) {
            errors.add(new FieldError("ownerId", "must be a user id"));
        }
        if (poolNode != null && !poolNode.isNull() && !poolNode.isBoolean()) {
            errors.add(new FieldError("pool", "must be true or false"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        boolean pool = poolNode != null && poolNode.asBoolean(false);
        Long ownerId = ownerNode == null || ownerNode.isNull() ? null : ownerNode.longValue();
        if (pool) {
            if (ownerId != null) {
                throw DomainException.invalid("ownerId", "must be absent when pool is true");
            }
            return null;
        }
        if (currentUser.isApiKey() && ownerId == null) {
            // A key is no person to own a customer: what it creates without an owner goes to the pool.
            return null;
        }
        if (!currentUser.isApiKey() && (ownerId == null || ownerId == currentUser.id())) {
            return currentUser.id();
        }
        if (!currentUser.isManagerOrAdmin()) {
            throw DomainException.forbidden("Only managers and admins can create a customer for another user");
        }
        User owner = User.findById(ownerId);
        if (owner == null || !owner.canOwnCustomers()) {
            throw DomainException.invalid("ownerId", "must be an active user of this store");
        }
        return ownerId;
    }

    /** Sets a customer's fields and derived keys from validated fields (create, edit, and import's scoring). */
    public static void apply(Customer c, CustomerFields f) {
        c.name = f.name();
        c.companyName = f.companyName();
        c.position = f.position();
        c.email = f.email();
        c.phone = f.phone();
        c.mobile = f.mobile();
        c.fax = f.fax();
        c.imAccounts = new ArrayList<>(f.imAccounts());
        c.website = f.website();
        c.country = f.country();
        c.region = f.region();
        c.city = f.city();
        c.address = f.address();
        c.postcode = f.postcode();
        c.businessType = f.businessType();
        c.mainProducts = f.mainProducts();
        c.purchaseCategories = new ArrayList<>(f.purchaseCategories());
        c.annualPurchaseAmount = f.annualPurchaseAmount();
        c.companySize = f.companySize();
        c.source = f.source();
        c.stage = f.stage();
        c.stars = f.stars().shortValue();
        c.status = f.status();
        c.notes = f.notes();
        c.customFields = new LinkedHashMap<>(f.customFields());
        c.emailNorm = ContactKeys.email(f.email());
        c.phoneDigits = ContactKeys.phoneDigits(f.phone());
        c.mobileDigits = ContactKeys.phoneDigits(f.mobile());
    }

    /** Rewrites the customer's normalized IM handles (the duplicate keys) from its imAccounts. */
    public void writeImHandles(Customer customer) {
        em.createNativeQuery("delete from customer_im_handles where store_id = ?1 and customer_id = ?2")
                .setParameter(1, tenant.storeId()).setParameter(2, customer.id).executeUpdate();
        for (String handle : ContactKeys.imHandles(customer.imAccounts)) {
            em.createNativeQuery("insert into customer_im_handles (store_id, customer_id, handle) values (?1, ?2, ?3)")
                    .setParameter(1, tenant.storeId()).setParameter(2, customer.id).setParameter(3, handle)
                    .executeUpdate();
        }
    }
}
