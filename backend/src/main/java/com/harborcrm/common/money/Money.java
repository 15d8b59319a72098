package com.harborcrm.common.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Amounts are exact decimals end to end: BigDecimal here, numeric in PostgreSQL, decimal strings in JSON (a JSON
 * number would become a binary double in most clients). Prices may carry up to four decimals (unit prices of
 * cheap parts); totals are rounded half-up to the currency's own minor unit (2 for USD, 0 for JPY, 3 for KWD).
 */
public final class Money {

    /** A decimal string as the API writes and reads it: digits, an optional point and up to four decimals. */
    public static final String PATTERN = "^\\d{1,14}(\\.\\d{1,4})?$";
    public static final int MAX_SCALE = 4;
    public static final String CODE_PATTERN = "^[A-Z]{3}$";
    public static final String CODE_MESSAGE = "must be an ISO 4217 currency code such as USD";

    private static final Set<String> CODES = Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode)
            .filter(code -> Currency.getInstance(code).getDefaultFractionDigits() >= 0)
            .collect(Collectors.toCollection(TreeSet::new));

    private Money() {
    }

    /** An ISO 4217 code of a currency in use (not a fund or metal code such as XAU, which has no minor unit). */
    public static boolean isCurrency(String code) {
        return code != null && CODES.contains(code);
    }

    public static int minorDigits(String currency) {
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    /** Rounded to the currency's minor unit, half up as on a commercial invoice. */
    public static BigDecimal round(BigDecimal amount, String currency) {
        return amount.setScale(minorDigits(currency), RoundingMode.HALF_UP);
    }

    /** Without trailing zeros beyond the currency's minor unit ("12.50" for USD, "12.125" kept). */
    public static String format(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        BigDecimal plain = amount.stripTrailingZeros();
        int digits = currency == null ? 2 : minorDigits(currency);
        return (plain.scale() < digits ? plain.setScale(digits) : plain).toPlainString();
    }
}
