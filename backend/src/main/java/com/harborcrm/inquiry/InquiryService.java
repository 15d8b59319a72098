package com.harborcrm.inquiry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.harborcrm.account.User;
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.paging.Cursor;
import com.harborcrm.common.paging.Page;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;
import com.harborcrm.common.web.Text;
import com.harborcrm.customer.ContactKeys;
import com.harborcrm.customer.Customer;
import com.harborcrm.customer.CustomerDtos.DuplicateMatch;
import com.harborcrm.customer.CustomerEventLog;
import com.harborcrm.customer.CustomerEventType;
import com.harborcrm.customer.CustomerService;
import com.harborcrm.product.ProductDtos.ProductRef;
import com.harborcrm.product.ProductService;
import com.harborcrm.customer.CustomerStage;
import com.harborcrm.customer.DuplicateFinder;
import com.harborcrm.customer.PoolAccess;
import com.harborcrm.customer.Ownership;
import com.harborcrm.customer.PotentialScore;
import com.harborcrm.inquiry.InquiryDtos.InquiryContact;
import com.harborcrm.inquiry.InquiryDtos.InquiryRequest;
import com.harborcrm.inquiry.InquiryDtos.InquiryResult;
import com.harborcrm.inquiry.InquiryDtos.InquiryView;
import com.harborcrm.pool.FieldVisibility;
import com.harborcrm.pool.PoolReadPolicy;

/**
 * Inquiry intake: matches the sender against the store's customers by their contact keys (see
 * {@link ContactKeys}), counts a repeat inquiry on the customer found or opens a new customer, and tells whether
 * the owner changed since the previous inquiry. The contact keys are locked for the transaction exactly as a
 * customer create locks them, so concurrent inquiries of one new buyer open one customer.
 */
@ApplicationScoped
public class InquiryService {

    static final String OPERATION = "inquiries";
    /** The reminders row an owner gets for a repeat inquiry (listed until they follow the customer up). */
    public static final String REMINDER_KIND = "REPEAT_INQUIRY";
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @Inject
    PoolAccess pools;

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    DuplicateFinder duplicates;

    @Inject
    Ownership ownership;

    @Inject
    CustomerService customers;

    @Inject
    ProductService products;

    @Inject
    CustomerEventLog events;

    @Inject
    IdempotencyKeys idempotency;

    @Inject
    PoolReadPolicy readPolicy;

    /** The answer to an intake request; {@code replayed}: the stored first answer to its Idempotency-Key. */
    public record Outcome(int status, JsonNode body, boolean replayed, boolean repeat) {
    }

    @Transactional
    public Outcome receive(String rawKey, ObjectNode body) {
        String key = IdempotencyKeys.require(rawKey);
        Text.requireNoNul(body);
        InquiryRequest request = read(body);
        Optional<IdempotencyKeys.Answer> stored = idempotency.lockAndFind(OPERATION, key, body);
        if (stored.isPresent()) {
            return new Outcome(stored.get().status(), stored.get().body(), true, stored.get().body().path("repeat").asBoolean());
        }
        Instant now = clock.instant();
        Instant receivedAt = request.receivedAt() == null ? now : request.receivedAt();
        if (receivedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw DomainException.invalid(FieldError.of("receivedAt", FieldError.Code.NOT_FUTURE, "must not be in the future"));
        }
        Long assignTo = request.assignTo();
        if (assignTo != null) {
            User user = User.findById(assignTo);
            if (user == null || !user.canOwnCustomers()) {
                throw DomainException.invalid("assignTo", "must be an active user of this store");
            }
        }
        if (request.poolId() != null && !pools.isUsable(request.poolId())) {
            throw DomainException.invalid("poolId", "must be a pool of this store");
        }
        InquiryContact contact = request.contact();
        DuplicateFinder.Keys keys = DuplicateFinder.Keys.of(contact.email(), contact.phone(), contact.mobile(),
                contact.imAccounts());
        duplicates.lock(keys);
        DuplicateMatch match = null;
        Customer customer = null;
        // A match deleted (merged away) before its row lock was taken: match again, the survivor has its keys.
        for (int attempt = 0; attempt < 3 && customer == null; attempt++) {
            match = duplicates.find(keys, null).stream()
                    .max(Comparator.<DuplicateMatch>comparingInt(m -> m.matchedOn().size())
                            .thenComparing(DuplicateMatch::id, Comparator.reverseOrder()))
                    .orElse(null);
            if (match == null) {
                break;
            }
            customer = Customer.findById(match.id(), LockModeType.PESSIMISTIC_WRITE);
        }
        InquiryResult result = customer != null
                ? repeat(customer, match, request, contact, receivedAt, now)
                : first(request, contact, assignTo, receivedAt, now);
        int status = result.repeat() ? 200 : 201;
        JsonNode answer = mapper.valueToTree(result);
        idempotency.save(OPERATION, key, body, status, answer);
        return new Outcome(status, answer, false, result.repeat());
    }

    /** A new buyer: a customer of stage INQUIRY, source from the channel, in the pool unless assigned. */
    private InquiryResult first(InquiryRequest request, InquiryContact contact, Long assignTo, Instant receivedAt,
            Instant now) {
        long actor = currentUser.id();
        Customer c = new Customer();
        c.name = contact.name();
        c.companyName = contact.companyName();
        c.email = contact.email();
        c.phone = contact.phone();
        c.mobile = contact.mobile();
        c.imAccounts = new ArrayList<>(contact.imAccounts());
        c.country = contact.country();
        c.source = request.channel().source();
        c.stage = CustomerStage.INQUIRY;
        c.ownerId = assignTo;
        c.emailNorm = ContactKeys.email(c.email);
        c.phoneDigits = ContactKeys.phoneDigits(c.phone);
        c.mobileDigits = ContactKeys.phoneDigits(c.mobile);
        c.inquiryCount = 1;
        c.lastInquiryAt = receivedAt;
        c.createdBy = actor;
        c.createdAt = now;
        c.updatedAt = now;
        PotentialScore.apply(c, now);
        c.persist();
        em.flush();
        ownership.start(c.id, assignTo, now, request.poolId());
        customers.writeImHandles(c);
        events.record(c.id, CustomerEventType.CREATED, now, actor, CustomerService.context(c, "source", c.source.name()));
        if (assignTo != null && assignTo != actor) {
            events.record(c.id, CustomerEventType.OWNER_CHANGED, now, actor,
                    CustomerService.context(c, "kind", CustomerEventType.OwnerChange.ASSIGNED.name(),
                            "fromOwnerId", null, "toOwnerId", assignTo));
        }
        Inquiry inquiry = record(c, request, contact, receivedAt, false, now, false, null);
        return new InquiryResult(inquiry.id, c.id, false, c.inquiryCount, null, c.ownerId, false, null, c.isInPool(),
                List.of());
    }

    /** A returning buyer: counted on their customer, whose owner (if any) gets a reminder. */
    private InquiryResult repeat(Customer c, DuplicateMatch match, InquiryRequest request, InquiryContact contact,
            Instant receivedAt, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> previous = em.createNativeQuery("select owner_id, received_at from inquiries "
                + "where store_id = ?1 and customer_id = ?2 order by received_at desc, id desc limit 1")
                .setParameter(1, tenant.storeId()).setParameter(2, c.id).getResultList();
        boolean hadPrevious = !previous.isEmpty();
        Long previousOwner = hadPrevious && previous.get(0)[0] != null ? ((Number) previous.get(0)[0]).longValue() : null;
        Instant previousAt = c.lastInquiryAt != null ? c.lastInquiryAt
                : hadPrevious ? Instants.of(previous.get(0)[1]) : null;
        boolean ownerChanged = hadPrevious && !Objects.equals(previousOwner, c.ownerId);

        c.inquiryCount++;
        c.lastInquiryAt = previousAt == null || receivedAt.isAfter(previousAt) ? receivedAt : previousAt;
        c.updatedAt = now;
        PotentialScore.apply(c, now);
        em.flush();
        Inquiry inquiry = record(c, request, contact, receivedAt, true, now, ownerChanged, previousOwner);
        if (c.ownerId != null) {
            em.createNativeQuery("insert into reminders (store_id, user_id, customer_id, kind, window_start, due_at, "
                    + "rule, created_at) values (?1, ?2, ?3, ?4, ?5, ?5, null, ?6) "
                    + "on conflict (store_id, customer_id, kind, window_start) do nothing")
                    .setParameter(1, tenant.storeId()).setParameter(2, c.ownerId).setParameter(3, c.id)
                    .setParameter(4, REMINDER_KIND).setParameter(5, receivedAt).setParameter(6, now).executeUpdate();
        }
        return new InquiryResult(inquiry.id, c.id, true, c.inquiryCount, previousAt, c.ownerId, ownerChanged,
                previousOwner, c.isInPool(), match.matchedOn());
    }

    private Inquiry record(Customer c, InquiryRequest request, InquiryContact contact, Instant receivedAt,
            boolean repeat, Instant now, boolean ownerChanged, Long previousOwner) {
        Inquiry inquiry = new Inquiry();
        inquiry.customerId = c.id;
        inquiry.channel = request.channel();
        inquiry.product = blankToNull(request.product());
        inquiry.productId = products.match(inquiry.product).orElse(null);
        inquiry.message = blankToNull(request.message());
        inquiry.receivedAt = receivedAt;
        inquiry.contact = contact;
        inquiry.repeat = repeat;
        inquiry.ownerId = c.ownerId;
        inquiry.ownerChanged = ownerChanged;
        inquiry.previousOwnerId = previousOwner;
        inquiry.createdBy = currentUser.id();
        inquiry.createdAt = now;
        inquiry.persist();
        em.flush();
        events.record(c.id, CustomerEventType.INQUIRY_RECEIVED, receivedAt, currentUser.id(),
                CustomerService.context(c, "inquiryId", inquiry.id, "channel", inquiry.channel.name(),
                        "product", inquiry.product, "repeat", repeat, "inquiryCount", c.inquiryCount,
                        "ownerChanged", ownerChanged, "previousOwnerId", previousOwner));
        return inquiry;
    }

    /** What {@link #view} reads of an inquiry {@code i}, its owner {@code u} then and its product {@code p}. */
    static final String INQUIRY_COLUMNS = """
            i.id, i.channel, i.product, i.message, i.received_at, cast(i.contact as text), i.repeat,
            i.owner_id, u.name, i.created_by, i.created_at,
            p.id, p.sku, p.name, p.active, p.on_hand, p.reserved""";

    /** A customer's inquiries, newest first, keyset-paged by (receivedAt, id). */
    public Page<InquiryView> list(long customerId, int limit, String cursor) {
        Customer customer = customers.findVisible(customerId, LockModeType.NONE);
        String after = "";
        Instant afterAt = null;
        long afterId = 0;
        if (cursor != null && !cursor.isEmpty()) {
            List<String> parts = Cursor.decode(cursor, 2);
            try {
                afterAt = Instant.parse(parts.get(0));
                afterId = Long.parseLong(parts.get(1));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw DomainException.invalid("cursor", "is not a cursor returned by this list");
            }
            after = " and (i.received_at, i.id) < (cast(:afterAt as timestamptz), cast(:afterId as bigint))";
        }
        var query = em.createNativeQuery("""
                select %s
                from inquiries i
                left join users u on u.store_id = i.store_id and u.id = i.owner_id
                left join products p on p.store_id = i.store_id and p.id = i.product_id
                where i.store_id = :store and i.customer_id = :customer %s
                order by i.received_at desc, i.id desc
                limit :limit""".formatted(INQUIRY_COLUMNS, after))
                .setParameter("store", tenant.storeId()).setParameter("customer", customerId)
                .setParameter("limit", limit + 1);
        if (!after.isEmpty()) {
            query.setParameter("afterAt", afterAt).setParameter("afterId", afterId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        boolean mask = customer.isInPool() && readPolicy.masksPool(customer.poolId);
        List<InquiryView> items = rows.stream().limit(limit).map(r -> view(r, customer.id, mask ? customer : null)).toList();
        String next = rows.size() > limit
                ? Cursor.encode(items.get(items.size() - 1).receivedAt(), items.get(items.size() - 1).id()) : null;
        return Page.of(items, next);
    }

    /**
     * A row of {@link #INQUIRY_COLUMNS} (from column 0) as the caller may read it: with the contacts of
     * {@code maskFor} and of the inquiry masked when it is given (a pool customer read by a rep).
     */
    InquiryView view(Object[] r, long customerId, Customer maskFor) {
        InquiryContact contact;
        try {
            contact = mapper.readValue((String) r[5], InquiryContact.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String message = (String) r[3];
        if (maskFor != null) {
            // The inquiry's own contact may differ from the customer's: both are masked in its message.
            FieldVisibility seen = readPolicy.visibilityOf(maskFor.poolId);
            PoolReadPolicy.Contacts contacts = PoolReadPolicy.contactsOf(maskFor, seen).and(PoolReadPolicy.Contacts.of(
                    seen, contact.email(), contact.phone(), contact.mobile(), null, contact.imAccounts(), null));
            message = contacts.maskIn(message);
            contact = new InquiryContact(contact.name(), contact.companyName(), seen.showEmail(contact.email()),
                    seen.showPhone(contact.phone()), seen.showMobile(contact.mobile()),
                    seen.showImAccounts(contact.imAccounts()), contact.country());
        }
        return new InquiryView(((Number) r[0]).longValue(), customerId, InquiryChannel.valueOf((String) r[1]),
                (String) r[2], message, Instants.of(r[4]), contact, (Boolean) r[6],
                r[7] == null ? null : ((Number) r[7]).longValue(), (String) r[8],
                r[9] == null ? null : ((Number) r[9]).longValue(), Instants.of(r[10]),
                r[11] == null ? null : ProductRef.of(((Number) r[11]).longValue(), (String) r[12], (String) r[13],
                        (Boolean) r[14], ((Number) r[15]).longValue(), ((Number) r[16]).longValue()));
    }

    /** The body as a request: wrong types, unknown members and broken constraints are field errors. */
    private InquiryRequest read(ObjectNode body) {
        InquiryRequest request;
        try {
            request = mapper.treeToValue(body, InquiryRequest.class);
        } catch (JsonMappingException e) {
            throw DomainException.invalid(path(e), e instanceof UnrecognizedPropertyException ? "is not a known field"
                    : e instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()
                    ? "must be one of " + java.util.Arrays.toString(ife.getTargetType().getEnumConstants())
                    : "has the wrong type");
        } catch (JsonProcessingException e) {
            throw DomainException.invalid("body", "is not a valid inquiry");
        }
        // Checked as it will be stored: trimmed, blanks as absent.
        if (request.contact() != null) {
            request = new InquiryRequest(request.channel(), request.product(), request.message(), request.receivedAt(),
                    request.contact().normalized(), request.assignTo(), request.poolId());
        }
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<InquiryRequest> v : validator.validate(request)) {
            errors.add(FieldError.of(v.getPropertyPath().toString().replace(".<list element>", ""), v));
        }
        if (request.contact() != null && request.contact().country() != null
                && !COUNTRIES.contains(request.contact().country())) {
            errors.add(FieldError.of("contact.country", FieldError.Code.FORMAT, "must be an ISO 3166-1 alpha-2 country code such as US or CN"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
            throw DomainException.invalid(errors);
        }
        return request;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
