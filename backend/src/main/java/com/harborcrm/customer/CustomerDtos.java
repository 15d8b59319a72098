package com.harborcrm.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the customer file. */
public final class CustomerDtos {

    public static final String PHONE_PATTERN = "\\+?[0-9 ()./-]{1,40}";
    public static final String PHONE_MESSAGE = "must be a phone number: digits, spaces and + ( ) - . /";
    public static final String EMAIL_PATTERN = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    private CustomerDtos() {
    }

    /**
     * The fields a client may write. Create takes them (plus {@code ownerId}/{@code pool}); PATCH merges into
     * them (RFC 7396). Everything else on a customer is derived or changed by its own endpoint.
     */
    @Schema(name = "CustomerFields", description = "The writable fields of a customer.")
    public record CustomerFields(
            @NotBlank @Size(max = 200) @Schema(required = true, examples = "John Miller") String name,
            @Size(max = 200) @Schema(examples = "Miller Hardware Imports LLC") String companyName,
            @Size(max = 120) @Schema(examples = "Purchasing manager") String position,
            @Email(regexp = EMAIL_PATTERN) @Size(max = 254) @Schema(examples = "john@millerhardware.com") String email,
            @Size(max = 40) @Pattern(regexp = PHONE_PATTERN, message = PHONE_MESSAGE) @Schema(examples = "+1 312 555 0100") String phone,
            @Size(max = 40) @Pattern(regexp = PHONE_PATTERN, message = PHONE_MESSAGE) @Schema(examples = "+1 312 555 0199") String mobile,
            @Size(max = 40) @Pattern(regexp = PHONE_PATTERN, message = PHONE_MESSAGE) String fax,
            @Size(max = 20) List<@Valid @NotNull ImAccount> imAccounts,
            @Size(max = 500) String website,
            @Schema(description = "ISO 3166-1 alpha-2 code", maxLength = 2, examples = "US") String country,
            @Size(max = 120) String region,
            @Size(max = 120) String city,
            @Size(max = 500) String address,
            @Size(max = 20) String postcode,
            @Size(max = 120) @Schema(examples = "Wholesaler") String businessType,
            @Size(max = 1000) @Schema(examples = "Door hinges, cabinet handles") String mainProducts,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> purchaseCategories,
            @Size(max = 60) @Schema(examples = "US$1M-2.5M") String annualPurchaseAmount,
            @Size(max = 60) @Schema(examples = "51-200 employees") String companySize,
            // Not @NotNull: create fills defaults, so the schema must not call them required; CustomerInput
            // refuses null after a merge patch.
            @Schema(description = "Default MANUAL") CustomerSource source,
            @Schema(description = "Default UNMARKED") CustomerStage stage,
            @Min(0) @Max(3) @Schema(description = "Purchase intention: 0 unrated, 1 low, 2 medium, 3 high. Default 0",
                    minimum = "0", maximum = "3") Integer stars,
            @Schema(description = "Default ACTIVE") CustomerStatus status,
            @Size(max = 10000) String notes,
            @Schema(description = "Values of the store's custom fields by key (see /custom-fields)")
            Map<String, Object> customFields) {

        /** Trimmed, blanks as null, country upper-case, collections never null. */
        CustomerFields normalized() {
            List<ImAccount> accounts = new ArrayList<>();
            if (imAccounts != null) {
                for (ImAccount account : imAccounts) {
                    accounts.add(account == null ? null : new ImAccount(account.channel(), trim(account.handle())));
                }
            }
            List<String> categories = new ArrayList<>();
            if (purchaseCategories != null) {
                purchaseCategories.forEach(c -> categories.add(c == null ? null : c.trim()));
            }
            return new CustomerFields(name == null ? null : name.trim(), trim(companyName), trim(position), trim(email),
                    trim(phone), trim(mobile), trim(fax), accounts, trim(website),
                    country == null || country.isBlank() ? null : country.trim().toUpperCase(Locale.ROOT),
                    trim(region), trim(city), trim(address), trim(postcode), trim(businessType), trim(mainProducts),
                    categories, trim(annualPurchaseAmount), trim(companySize), source, stage, stars, status,
                    notes == null || notes.isBlank() ? null : notes,
                    customFields == null ? new LinkedHashMap<>() : new LinkedHashMap<>(customFields));
        }

        static CustomerFields of(Customer c) {
            return new CustomerFields(c.name, c.companyName, c.position, c.email, c.phone, c.mobile, c.fax,
                    List.copyOf(c.imAccounts), c.website, c.country, c.region, c.city, c.address, c.postcode,
                    c.businessType, c.mainProducts, List.copyOf(c.purchaseCategories), c.annualPurchaseAmount,
                    c.companySize, c.source, c.stage, (int) c.stars, c.status, c.notes, new LinkedHashMap<>(c.customFields));
        }

        private static String trim(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    @Schema(name = "CreateCustomerOptions")
    public record CreateCustomerOptions(
            @Schema(description = "MANAGER/ADMIN only: the owner, an active person of the store. Default: the caller; for an API key, the pool.")
            Long ownerId,
            @Schema(description = "true: create the customer in the pool, without owner") Boolean pool,
            @Schema(description = "The pool it goes to (with pool: true) or returns to when released: a pool of the "
                    + "store the caller belongs to (GET /pools). Default: the default pool.") Long poolId) {
    }

    @Schema(name = "TagRef")
    public record TagRef(@Schema(required = true) long id, @Schema(required = true) String name,
            @Schema(required = true, examples = "#1E88E5") String color) {
    }

    @Schema(name = "Customer")
    public record CustomerView(
            @Schema(required = true) long id,
            @Schema(required = true) String name,
            @Schema(nullable = true) String companyName, @Schema(nullable = true) String position, @Schema(nullable = true) String email, @Schema(nullable = true) String phone,
            @Schema(nullable = true) String mobile, @Schema(nullable = true) String fax,
            @Schema(required = true) List<ImAccount> imAccounts,
            @Schema(nullable = true) String website, @Schema(nullable = true) String country, @Schema(nullable = true) String region, @Schema(nullable = true) String city,
            @Schema(nullable = true) String address, @Schema(nullable = true) String postcode,
            @Schema(nullable = true) String businessType, @Schema(nullable = true) String mainProducts,
            @Schema(required = true) List<String> purchaseCategories,
            @Schema(nullable = true) String annualPurchaseAmount, @Schema(nullable = true) String companySize,
            @Schema(required = true) CustomerSource source,
            @Schema(required = true) CustomerStage stage,
            @Schema(required = true) int stars,
            @Schema(required = true) CustomerStatus status,
            @Schema(nullable = true) String notes,
            @Schema(required = true) Map<String, Object> customFields,
            @Schema(required = true) List<TagRef> tags,
            @Schema(nullable = true, description = "null: the customer is in the pool") Long ownerId,
            @Schema(required = true, description = "The pool it is in, or returns to while owned (GET /pools; 0: "
                    + "the default pool)") long poolId,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt,
            @Schema(nullable = true) Instant lastFollowUpAt, @Schema(nullable = true) Instant nextFollowUpAt, @Schema(nullable = true) Instant lastInquiryAt,
            @Schema(required = true) int inquiryCount,
            @Schema(required = true, minimum = "0", maximum = "100", description = PotentialScore.DESCRIPTION) int potentialScore,
            @Schema(required = true, description = "Send it back in If-Match to update") long version,
            @Schema(required = true, nullable = true, description = "When this private customer returns to the pool "
                    + "by the pool rules; null in the pool or when no rule applies")
            com.harborcrm.pool.PoolDtos.PoolReturn poolReturn) {

        static CustomerView of(Customer c, List<TagRef> tags) {
            return new CustomerView(c.id, c.name, c.companyName, c.position, c.email, c.phone, c.mobile, c.fax,
                    List.copyOf(c.imAccounts), c.website, c.country, c.region, c.city, c.address, c.postcode,
                    c.businessType, c.mainProducts, List.copyOf(c.purchaseCategories), c.annualPurchaseAmount,
                    c.companySize, c.source, c.stage, c.stars, c.status, c.notes, c.customFields, tags, c.ownerId,
                    c.poolId == null ? 0 : c.poolId, c.createdAt, c.updatedAt, c.lastFollowUpAt, c.nextFollowUpAt, c.lastInquiryAt, c.inquiryCount,
                    c.potentialScore, c.version, null);
        }

        /** This view with its pool timer (see pool/PoolReadPolicy). */
        public CustomerView withPoolReturn(com.harborcrm.pool.PoolDtos.PoolReturn poolReturn) {
            return new CustomerView(id, name, companyName, position, email, phone, mobile, fax, imAccounts, website,
                    country, region, city, address, postcode, businessType, mainProducts, purchaseCategories,
                    annualPurchaseAmount, companySize, source, stage, stars, status, notes, customFields, tags, ownerId,
                    poolId, createdAt, updatedAt, lastFollowUpAt, nextFollowUpAt, lastInquiryAt, inquiryCount, potentialScore,
                    version, poolReturn);
        }

        /** This view with its contacts (and the texts that may hold them) as the pool's read policy shows them. */
        public CustomerView withContacts(String email, String phone, String mobile, String fax,
                List<ImAccount> imAccounts, String website, String notes, Map<String, Object> customFields) {
            return new CustomerView(id, name, companyName, position, email, phone, mobile, fax, imAccounts, website,
                    country, region, city, address, postcode, businessType, mainProducts, purchaseCategories,
                    annualPurchaseAmount, companySize, source, stage, stars, status, notes, customFields, tags, ownerId,
                    poolId, createdAt, updatedAt, lastFollowUpAt, nextFollowUpAt, lastInquiryAt, inquiryCount, potentialScore,
                    version, poolReturn);
        }
    }

    @Schema(name = "DuplicateMatch", description = "An existing customer sharing a matching key.")
    public record DuplicateMatch(
            @Schema(required = true) long id,
            @Schema(required = true) String name,
            String companyName,
            @Schema(nullable = true, description = "null: in the pool") String ownerName,
            @Schema(required = true, description = "The keys that matched: email, phone, mobile, imAccounts")
            List<String> matchedOn) {
    }
}
