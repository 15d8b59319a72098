package com.harborcrm.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.common.money.Money;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
public final class ProductDtos {

    private ProductDtos() {
    }

    public static final String SKU_PATTERN = "^[^\\s].*[^\\s]$|^[^\\s]$";

    @Schema(name = "ProductInput", description = "A product as written by a manager or admin. On PATCH (a JSON merge "
            + "patch) any subset of these members.")
    public record ProductInput(
            @NotBlank @Size(max = 64) @Pattern(regexp = SKU_PATTERN, message = "must not start or end with a space")
            @Schema(required = true, examples = "LED-PANEL-60", description = "Unique per store, ignoring case")
            String sku,
            @NotBlank @Size(max = 200) @Schema(required = true, examples = "LED panel light 60x60 cm 40 W") String name,
            @Size(max = 5000) String description,
            @Size(max = 100) @Schema(examples = "Lighting") String category,
            @Size(min = 1, max = 20) @Schema(examples = "pcs", description = "Default pcs") String unit,
            @DecimalMin("0") @Digits(integer = 14, fraction = Money.MAX_SCALE)
            @Schema(type = SchemaType.STRING, pattern = Money.PATTERN, maxLength = 19, examples = "12.50",
                    description = "In currency; a decimal string (a JSON number is accepted too)")
            BigDecimal listPrice,
            @NotNull @Pattern(regexp = Money.CODE_PATTERN, message = Money.CODE_MESSAGE)
            @Schema(required = true, examples = "USD", maxLength = 3, description = "ISO 4217 code") String currency,
            @Min(1) @Max(1_000_000_000) @Schema(description = "Minimum order quantity") Integer moq,
            @Schema(description = "Inactive products stay on past orders but are not offered for new ones; default true")
            Boolean active,
            @Size(max = 2000) @Pattern(regexp = "^https?://[^\\s/]+\\S*$", message = "must be an http or https address")
            @Schema(examples = "https://cdn.example.com/led-60.jpg", description = "http or https")
            String imageUrl,
            @Size(max = 50) @Schema(description = "Custom attributes (at most 50), e.g. {\"color\": \"white\", "
                    + "\"wattage\": 40}")
            Map<String, Object> attributes) {
    }

    @Schema(name = "Stock", description = "available = onHand - reserved; reserved is what confirmed orders hold")
    public record Stock(
            @Schema(required = true) long onHand,
            @Schema(required = true) long reserved,
            @Schema(required = true) long available) {

        static Stock of(long onHand, long reserved) {
            return new Stock(onHand, reserved, onHand - reserved);
        }
    }

    @Schema(name = "Product")
    public record ProductView(
            @Schema(required = true) long id,
            @Schema(required = true) String sku,
            @Schema(required = true) String name,
            String description,
            String category,
            @Schema(required = true) String unit,
            @Schema(type = SchemaType.STRING, pattern = Money.PATTERN, examples = "12.50") String listPrice,
            @Schema(required = true, examples = "USD") String currency,
            Integer moq,
            @Schema(required = true) boolean active,
            String imageUrl,
            @Schema(required = true) Map<String, Object> attributes,
            @Schema(required = true) Stock stock,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt,
            @Schema(required = true) long version) {

        static ProductView of(Product p) {
            return new ProductView(p.id, p.sku, p.name, p.description, p.category, p.unit,
                    Money.format(p.listPrice, p.currency), p.currency, p.moq, p.active, p.imageUrl, p.attributes,
                    Stock.of(p.onHand, p.reserved), p.createdAt, p.updatedAt, p.version);
        }
    }

    @Schema(name = "ProductRef", description = "A catalogue product in brief, with its stock now")
    public record ProductRef(
            @Schema(required = true) long id,
            @Schema(required = true) String sku,
            @Schema(required = true) String name,
            @Schema(required = true) boolean active,
            @Schema(required = true) Stock stock) {

        public static ProductRef of(long id, String sku, String name, boolean active, long onHand, long reserved) {
            return new ProductRef(id, sku, name, active, Stock.of(onHand, reserved));
        }
    }

    @Schema(name = "CatalogueRejectedRow", description = "A row of the file that was not imported, and why")
    public record RejectedRow(
            @Schema(required = true, description = "Its line in the file (the header is line 1)") long line,
            @Schema(description = "Its SKU, when it has one") String sku,
            @Schema(required = true) List<com.harborcrm.common.error.FieldError> errors) {
    }

    @Schema(name = "CatalogueImportResult")
    public record CatalogueImportResult(
            @Schema(required = true, description = "Nothing was written: what an import would do") boolean dryRun,
            @Schema(required = true) int rows,
            @Schema(required = true) int created,
            @Schema(required = true) int updated,
            @Schema(required = true, description = "Rows equal to their product") int unchanged,
            @Schema(required = true) int rejected,
            @Schema(required = true, description = "The rejected rows (the first 1,000)") List<RejectedRow> rejectedRows,
            @Schema(required = true, description = "Header cells that name no product field (stock columns are "
                    + "read only and left out silently)") List<String> ignoredColumns) {
    }

    @Schema(name = "ProductPage")
    public record ProductPage(@Schema(required = true) List<ProductView> items, String nextCursor) {
    }

    @Schema(name = "StockMovementKind", description = "RECEIVED adds to on hand; ADJUSTED corrects on hand by a "
            + "signed count; RESERVED, RELEASED and SHIPPED are written by orders (confirm, cancel, ship)")
    public enum MovementKind {
        RECEIVED, ADJUSTED, RESERVED, RELEASED, SHIPPED
    }

    @Schema(name = "StockMovementInput", description = "A goods receipt or a stock count correction. Reservations, "
            + "releases and shipments are written by orders.")
    public record StockMovementInput(
            @NotNull @Schema(required = true, enumeration = {"RECEIVED", "ADJUSTED"}) MovementKind kind,
            @NotNull @Min(-1_000_000_000) @Max(1_000_000_000) @Schema(required = true, examples = "120",
                    description = "Positive for RECEIVED; for ADJUSTED the signed change (-3: three fewer), never 0")
            Long quantity,
            @Size(max = 500) @Schema(examples = "Container MSCU 1234567") String note) {
    }

    @Schema(name = "StockMovement")
    public record StockMovementView(
            @Schema(required = true) long id,
            @Schema(required = true) long productId,
            @Schema(required = true) MovementKind kind,
            @Schema(required = true) long quantity,
            @Schema(required = true) long onHandAfter,
            @Schema(required = true) long reservedAfter,
            @Schema(description = "The order that reserved, released or shipped") Long orderId,
            String note,
            @Schema(description = "Who recorded it; null when the system did (a deleted customer's order)")
            Long actorId,
            @Schema(description = "Their name; null with actorId") String actorName,
            @Schema(required = true) Instant createdAt) {
    }

    @Schema(name = "StockMovementPage")
    public record StockMovementPage(@Schema(required = true) List<StockMovementView> items, String nextCursor) {
    }

    @Schema(name = "StockMovementResult", description = "The movement written and the product's stock after it")
    public record StockMovementResult(@Schema(required = true) StockMovementView movement,
            @Schema(required = true) ProductView product) {
    }
}
