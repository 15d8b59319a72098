package com.harborcrm.inquiry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.customer.CustomerDtos;
import com.harborcrm.customer.ImAccount;
import com.harborcrm.product.ProductDtos.ProductRef;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Request and response bodies of inquiry intake and the inquiry list. */
public final class InquiryDtos {

    private InquiryDtos() {
    }

    @Schema(name = "InquiryContact", description = "Who sent the inquiry, as the channel knows them. The email "
            + "(lower-case, +tag removed), phone and mobile digits (at least 6, any against any) and IM accounts "
            + "are matched against the store's customers.")
    // Also stored in the inquiries' jsonb column, read by Hibernate's JSON mapper outside any REST signature.
    @RegisterForReflection
    public record InquiryContact(
            @NotBlank @Size(max = 200) @Schema(required = true, examples = "Ana Souza") String name,
            @Size(max = 200) @Schema(examples = "Souza Importadora Ltda") String companyName,
            @Email(regexp = CustomerDtos.EMAIL_PATTERN) @Size(max = 254) @Schema(examples = "ana@souza.com.br") String email,
            @Size(max = 40) @Pattern(regexp = CustomerDtos.PHONE_PATTERN, message = CustomerDtos.PHONE_MESSAGE)
            @Schema(examples = "+55 11 3456 7890") String phone,
            @Size(max = 40) @Pattern(regexp = CustomerDtos.PHONE_PATTERN, message = CustomerDtos.PHONE_MESSAGE) String mobile,
            @Size(max = 20) List<@Valid @NotNull ImAccount> imAccounts,
            @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 country code such as US or CN")
            @Schema(description = "ISO 3166-1 alpha-2 code", maxLength = 2, examples = "BR") String country) {

        /** Trimmed, blanks as null, country upper-case, IM accounts never null. */
        InquiryContact normalized() {
            List<ImAccount> accounts = new ArrayList<>();
            if (imAccounts != null) {
                imAccounts.forEach(a -> accounts.add(a == null ? null : new ImAccount(a.channel(), trim(a.handle()))));
            }
            return new InquiryContact(trim(name), trim(companyName), trim(email), trim(phone), trim(mobile), accounts,
                    country == null || country.isBlank() ? null : country.trim().toUpperCase(Locale.ROOT));
        }

        private static String trim(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    @Schema(name = "InquiryRequest", description = "An inbound inquiry.")
    public record InquiryRequest(
            @NotNull @Schema(required = true) InquiryChannel channel,
            @Size(max = 200) @Schema(examples = "Stainless steel door hinges") String product,
            @Size(max = 10000) @Schema(examples = "Please quote 5,000 pcs FOB Ningbo") String message,
            @Schema(description = "When the buyer sent it; default now. Not in the future.") Instant receivedAt,
            @NotNull @Valid @Schema(required = true) InquiryContact contact,
            @Schema(description = "A new buyer's customer goes to this active user instead of the pool. A returning "
                    + "buyer keeps their owner.") Long assignTo,
            @Schema(description = "A new buyer's customer goes to this pool (or returns to it, when assigned): e.g. a "
                    + "region's pool. Default: the default pool. A returning buyer stays in theirs.") Long poolId) {
    }

    @Schema(name = "InquiryResult", description = "Whom the inquiry came from: a first-time or a returning buyer, "
            + "and whether their owner changed since their previous inquiry.")
    public record InquiryResult(
            @Schema(required = true) long inquiryId,
            @Schema(required = true) long customerId,
            @Schema(required = true, description = "true: the contact matched an existing customer of the store")
            boolean repeat,
            @Schema(required = true, description = "The customer's inquiries, this one included") int inquiryCount,
            @Schema(required = true, nullable = true, description = "The customer's latest inquiry before this one")
            Instant previousInquiryAt,
            @Schema(required = true, nullable = true, description = "The customer's owner now; null: in the pool")
            Long ownerId,
            @Schema(required = true, description = "The owner now differs from the owner at the previous inquiry "
                    + "(false without a previous inquiry)") boolean ownerChanged,
            @Schema(required = true, nullable = true, description = "The owner at the previous inquiry")
            Long previousOwnerId,
            @Schema(required = true) boolean inPool,
            @Schema(required = true, description = "The keys that matched the customer: email, phone, mobile, "
                    + "imAccounts (empty for a new buyer)") List<String> matchedOn) {
    }

    @Schema(name = "Inquiry", description = "An inquiry received for a customer.")
    public record InquiryView(
            @Schema(required = true) long id,
            @Schema(required = true) long customerId,
            @Schema(required = true) InquiryChannel channel,
            String product,
            String message,
            @Schema(required = true) Instant receivedAt,
            @Schema(required = true, description = "As sent; email and numbers masked for reps while the customer is "
                    + "in a masked pool") InquiryContact contact,
            @Schema(required = true, description = "The buyer was already a customer") boolean repeat,
            @Schema(required = true, nullable = true, description = "The customer's owner when it arrived") Long ownerId,
            @Schema(required = true, nullable = true) String ownerName,
            @Schema(required = true, nullable = true, description = "The user who posted it") Long createdBy,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true, nullable = true, description = "The catalogue product the `product` text was "
                    + "matched to when the inquiry arrived (a SKU in it, else the most similar SKU and name), with its "
                    + "stock now; null when none matched") ProductRef matchedProduct) {
    }

    @Schema(name = "InboxCustomer", description = "The customer an inquiry went to, as it is now.")
    public record InboxCustomer(
            @Schema(required = true) long id,
            @Schema(required = true) String name,
            @Schema(required = true, nullable = true) String companyName,
            @Schema(required = true, nullable = true, description = "The owner now; null: in the pool") Long ownerId,
            @Schema(required = true, nullable = true) String ownerName,
            @Schema(required = true) boolean inPool) {
    }

    @Schema(name = "InboxInquiry", description = "An inquiry of the store's inbox: the inquiry, its customer now, "
            + "and whether the buyer's owner had changed since their previous inquiry when it arrived.")
    public record InboxItem(
            @Schema(required = true) InquiryView inquiry,
            @Schema(required = true) InboxCustomer customer,
            @Schema(required = true, description = "When it arrived, the customer's owner differed from the owner at "
                    + "the buyer's previous inquiry: the buyer may be talking to someone new") boolean ownerChanged,
            @Schema(required = true, nullable = true, description = "The owner at the previous inquiry (null: none, "
                    + "or the pool)") Long previousOwnerId,
            @Schema(required = true, nullable = true) String previousOwnerName) {
    }

    @Schema(name = "InboxPage")
    public record InboxPage(@Schema(required = true) List<InboxItem> items,
            @Schema(required = true, nullable = true) String nextCursor) {
    }

    @Schema(name = "InquiryPage")
    public record InquiryPage(@Schema(required = true) List<InquiryView> items,
            @Schema(required = true, nullable = true) String nextCursor) {
    }
}
