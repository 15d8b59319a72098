package com.harborcrm.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.common.money.Money;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public final class OrderDtos {

    private OrderDtos() {
    }

    public static final int MAX_LINES = 200;

    /** Incoterms 2020. */
    @Schema(name = "Incoterm", description = "Incoterms 2020 rule")
    public enum Incoterm {
        EXW, FCA, FAS, FOB, CFR, CIF, CPT, CIP, DAP, DPU, DDP
    }

    @Schema(name = "OrderLineInput", description = "A product line (productId) or a free-text line (description). "
            + "A product line takes the product's SKU and name, and its list price when unitPrice is left out and "
            + "the currencies agree.")
    public record LineInput(
            @Schema(description = "A product of the catalogue; its stock is reserved when the order is confirmed")
            Long productId,
            @Size(max = 500) @Schema(description = "Required for a free-text line; defaults to the product's name")
            String description,
            @NotNull @Min(1) @Max(1_000_000_000) @Schema(required = true, examples = "500") Long quantity,
            @DecimalMin("0") @Digits(integer = 14, fraction = Money.MAX_SCALE)
            @Schema(type = SchemaType.STRING, pattern = Money.PATTERN, maxLength = 19, examples = "3.85",
                    description = "Per unit, in the order's currency; a decimal string (a JSON number is accepted too)")
            BigDecimal unitPrice,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            @Schema(type = SchemaType.STRING, pattern = "^\\d{1,3}(\\.\\d{1,2})?$", maxLength = 6, examples = "5",
                    description = "Percent off this line, 0 to 100; default 0") BigDecimal discountPercent) {
    }

    @Schema(name = "OrderInput", description = "A new quotation, sample order or order, or a draft's new content "
            + "(PUT replaces every member; kind cannot change).")
    public record OrderInput(
            @NotNull @Schema(required = true) OrderKind kind,
            @NotNull @Pattern(regexp = Money.CODE_PATTERN, message = Money.CODE_MESSAGE)
            @Schema(required = true, examples = "USD", maxLength = 3, description = "ISO 4217 code") String currency,
            Incoterm incoterm,
            @Schema(examples = "2027-01-20") LocalDate expectedShipDate,
            @Size(max = 5000) String notes,
            @NotNull @Size(min = 1, max = MAX_LINES) @Schema(required = true) List<@Valid @NotNull LineInput> lines) {
    }

    @Schema(name = "OrderLine")
    public record LineView(
            @Schema(required = true, description = "1, 2, 3... in the order written") int lineNo,
            Long productId,
            String sku,
            @Schema(required = true) String description,
            @Schema(required = true) long quantity,
            @Schema(required = true, type = SchemaType.STRING, pattern = Money.PATTERN) String unitPrice,
            @Schema(required = true, type = SchemaType.STRING) String discountPercent,
            @Schema(required = true, type = SchemaType.STRING, pattern = Money.PATTERN,
                    description = "quantity × unitPrice less the discount, rounded to the currency's minor unit")
            String lineTotal) {
    }

    @Schema(name = "Order")
    public record OrderView(
            @Schema(required = true) long id,
            @Schema(required = true) long customerId,
            @Schema(required = true, description = "The customer's name (company name when it has none)")
            String customerName,
            @Schema(required = true) OrderKind kind,
            @Schema(required = true) OrderStatus status,
            @Schema(required = true, description = "Where this order may go from here, given its kind and status")
            List<OrderStatus> nextStatuses,
            @Schema(required = true) String currency,
            @Schema(required = true) List<LineView> lines,
            @Schema(required = true, type = SchemaType.STRING, pattern = Money.PATTERN,
                    description = "Σ quantity × unitPrice, before discounts") String subtotal,
            @Schema(required = true, type = SchemaType.STRING, pattern = Money.PATTERN) String discountTotal,
            @Schema(required = true, type = SchemaType.STRING, pattern = Money.PATTERN,
                    description = "Σ lineTotal = subtotal - discountTotal") String total,
            Incoterm incoterm,
            LocalDate expectedShipDate,
            String notes,
            @Schema(description = "The quotation this order was converted from") Long convertedFromId,
            @Schema(description = "The order this quotation was converted to") Long convertedToId,
            @Schema(description = "The customer's owner when the order was written") Long ownerId,
            @Schema(required = true) long createdBy,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt,
            @Schema(required = true) Instant statusChangedAt,
            Instant confirmedAt,
            Instant paidAt,
            Instant shippedAt,
            @Schema(required = true) long version) {
    }

    @Schema(name = "OrderPage")
    public record OrderPage(@Schema(required = true) List<OrderView> items, String nextCursor) {
    }

    @Schema(name = "OrderStatusChange")
    public record StatusChange(@NotNull @Schema(required = true, examples = "CONFIRMED") OrderStatus status) {
    }
}
