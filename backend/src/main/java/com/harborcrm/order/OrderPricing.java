package com.harborcrm.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.harborcrm.common.money.Money;

/**
 * Totals, computed by the server only and exactly (BigDecimal, never floating point). A line's total is
 * quantity × unit price less its discount, rounded half-up to the currency's minor unit; the order's total is the
 * sum of its line totals, its subtotal the rounded sum before discounts, and the discount the difference, so the
 * three figures on a quotation always add up.
 */
public final class OrderPricing {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private OrderPricing() {
    }

    public record Line(Long productId, String sku, String description, long quantity, BigDecimal unitPrice,
            BigDecimal discountPercent) {
    }

    public record PricedLine(Line line, BigDecimal lineTotal) {
    }

    public record Priced(List<PricedLine> lines, BigDecimal subtotal, BigDecimal discountTotal, BigDecimal total) {
    }

    public static Priced price(String currency, List<Line> lines) {
        List<PricedLine> priced = new ArrayList<>(lines.size());
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (Line line : lines) {
            BigDecimal lineGross = line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
            BigDecimal net = lineGross.multiply(HUNDRED.subtract(line.discountPercent())).divide(HUNDRED);
            BigDecimal lineTotal = Money.round(net, currency);
            priced.add(new PricedLine(line, lineTotal));
            gross = gross.add(lineGross);
            total = total.add(lineTotal);
        }
        BigDecimal subtotal = Money.round(gross, currency);
        return new Priced(priced, subtotal, subtotal.subtract(total), total);
    }
}
