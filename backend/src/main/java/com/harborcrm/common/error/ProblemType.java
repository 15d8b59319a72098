package com.harborcrm.common.error;

/**
 * Every kind of error the API answers with. The {@link #uri()} is the stable RFC 9457 {@code type};
 * clients switch on it, so a slug never changes meaning once published.
 */
public enum ProblemType {
    VALIDATION("validation", 400, "Some fields are not valid"),
    MALFORMED_BODY("malformed-body", 400, "The request body could not be read"),
    BAD_REQUEST("bad-request", 400, "The request is not valid"),
    UNAUTHORIZED("unauthorized", 401, "Authentication is required"),
    INVALID_CREDENTIALS("invalid-credentials", 401, "Wrong email or password"),
    FORBIDDEN("forbidden", 403, "You are not allowed to do this"),
    SCOPE_MISSING("scope-missing", 403, "The API key lacks a scope this needs"),
    CSRF_HEADER_MISSING("csrf-header-missing", 403, "The request did not come from the web app"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    CONFLICT("conflict", 409, "Conflict"),
    EMAIL_TAKEN("email-taken", 409, "This email is already registered"),
    DUPLICATE_CUSTOMER("duplicate-customer", 409, "A customer with the same contact details exists"),
    TAG_NAME_TAKEN("tag-name-taken", 409, "A tag with this name exists"),
    POOL_NAME_TAKEN("pool-name-taken", 409, "A pool with this name exists"),
    DEFAULT_POOL("default-pool", 409, "The default pool cannot be deleted"),
    ALREADY_CLAIMED("already-claimed", 409, "Someone else claimed this customer first"),
    ALREADY_IN_POOL("already-in-pool", 409, "The customer is already in the pool"),
    MERGE_UNDO_EXPIRED("merge-undo-expired", 409, "This merge can no longer be undone"),
    MERGE_ALREADY_UNDONE("merge-already-undone", 409, "This merge was already undone"),
    ALREADY_LOST("already-lost", 409, "The customer is already marked lost"),
    NOT_LOST("not-lost", 409, "The customer is not marked lost"),
    REASON_NAME_TAKEN("reason-name-taken", 409, "A reason with this name exists"),
    REASON_IN_USE("reason-in-use", 409, "The reason is in use: archive it instead"),
    SKU_TAKEN("sku-taken", 409, "A product with this SKU exists"),
    PRODUCT_IN_USE("product-in-use", 409, "The product is on orders: deactivate it instead"),
    INSUFFICIENT_STOCK("insufficient-stock", 409, "Not enough stock"),
    ORDER_TRANSITION("order-transition-not-allowed", 409, "The order cannot move to this status from its current one"),
    ORDER_NOT_EDITABLE("order-not-editable", 409, "Only a draft can be changed"),
    QUOTATION_CONVERTED("quotation-already-converted", 409, "This quotation was already converted to an order"),
    CHANNEL_NOT_CONFIGURED("messaging-channel-off", 409, "This channel is not set up for the store"),
    NO_ADDRESS("no-address", 409, "The customer has no address for this channel"),
    CAMPAIGN_STATE("campaign-state", 409, "The campaign cannot do this in its current status"),
    TEMPLATE_IN_USE("template-in-use", 409, "Campaigns use this template"),
    PLAN_ENDED("plan-ended", 409, "This follow-up plan has ended"),
    PRECONDITION_FAILED("precondition-failed", 412, "Someone else changed this first"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "This Idempotency-Key was used for another request"),
    PRECONDITION_REQUIRED("precondition-required", 428, "The current version is required"),
    TOO_MANY_ATTEMPTS("too-many-attempts", 429, "Too many attempts"),
    RATE_LIMITED("rate-limited", 429, "Too many requests for this API key"),
    DAILY_SEND_LIMIT("daily-send-limit", 429, "The store sent as many messages today as it may"),
    INTERNAL("internal", 500, "Something went wrong on our side"),
    DELIVERY_FAILED("delivery-failed", 502, "The mail server or SMS provider did not take the message"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "The service is temporarily unavailable");

    public static final String BASE_URI = "https://harbor-crm.dev/problems/";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return BASE_URI + slug;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The generic type for an HTTP status raised by the framework rather than by our code. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> PRECONDITION_FAILED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 428 -> PRECONDITION_REQUIRED;
            case 429 -> TOO_MANY_ATTEMPTS;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }
}
