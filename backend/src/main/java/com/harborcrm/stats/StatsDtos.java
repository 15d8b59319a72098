package com.harborcrm.stats;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.common.security.Role;
import com.harborcrm.customer.CustomerStage;

public final class StatsDtos {

    private StatsDtos() {
    }

    @Schema(name = "StatsScope", description = "STORE: the whole store (managers, admins); OWN: the caller's own "
            + "customers (reps)")
    public enum Scope {
        STORE, OWN
    }

    @Schema(name = "ChurnGrouping", description = "POOL: the pool the customer was in when lost, or went back to; "
            + "churn written before pools were recorded on it is under the key none")
    public enum ChurnGrouping {
        MONTH, REP, SOURCE, STAGE, POOL
    }

    @Schema(name = "ChurnFigures", description = "Counts are of events: a customer lost, brought back and lost again "
            + "in the period counts twice. lost: marked lost (POST /customers/{id}/lost, batch LOST), attributed to "
            + "the owner at that moment; released: given back to the pool by hand (abandoned), attributed to the "
            + "owner who gave it back; autoReturned: taken back by the pool's rules, attributed to the owner it was "
            + "taken from.")
    public record ChurnFigures(
            @Schema(required = true, nullable = true, description = "Customers that existed and were not lost at the "
                    + "start (in scope OWN: owned by the caller); null where not computed (groups other than months)")
            Long activeAtStart,
            @Schema(required = true) long lost,
            @Schema(required = true) long released,
            @Schema(required = true) long autoReturned,
            @Schema(required = true, description = "lost + released + autoReturned") long churned,
            @Schema(required = true, nullable = true, description = "lost / activeAtStart, null when activeAtStart is "
                    + "0 or not computed") Double churnRate) {
    }

    @Schema(name = "ChurnReason", description = "A reason given for losing or releasing customers")
    public record ReasonCount(
            @Schema(required = true, nullable = true, description = "null: recorded without a reason (before reasons "
                    + "were required)") Long reasonId,
            @Schema(required = true) String name,
            @Schema(required = true) boolean archived,
            @Schema(required = true) long lost,
            @Schema(required = true) long released,
            @Schema(required = true, description = "lost + released") long count,
            @Schema(required = true, description = "count / all lost and released (with or without reason) of the same "
                    + "figures, 0..1") double share) {
    }

    @Schema(name = "ChurnGroup")
    public record ChurnGroup(
            @Schema(required = true, description = "MONTH: YYYY-MM; REP: the user id, or \"none\" for customers "
                    + "without owner; SOURCE and STAGE: the enum name, or \"UNKNOWN\"") String key,
            @Schema(required = true, description = "A name to show: the month, the rep's name, the source or stage")
            String label,
            @Schema(required = true, nullable = true, description = "MONTH: the first day of the month within the period")
            LocalDate from,
            @Schema(required = true, nullable = true, description = "MONTH: the last day of the month within the period")
            LocalDate to,
            @Schema(required = true) ChurnFigures figures,
            @Schema(required = true, nullable = true, description = "The group's lost / the period's activeAtStart: the group's part of "
                    + "totals.churnRate (the parts add up to it); null when that is 0") Double churnRateContribution,
            @Schema(required = true, description = "The group's churned / all churned, 0..1") double share,
            @Schema(required = true, description = "Reasons within the group, most frequent first") List<ReasonCount> reasons) {
    }

    @Schema(name = "ChurnReport")
    public record ChurnReport(
            @Schema(required = true) LocalDate from,
            @Schema(required = true) LocalDate to,
            @Schema(required = true, description = "The store's time zone, in which the dates are days") String timeZone,
            @Schema(required = true) ChurnGrouping groupBy,
            @Schema(required = true) Scope scope,
            @Schema(required = true) ChurnFigures totals,
            @Schema(required = true, description = "Every reason used in the period, most frequent first") List<ReasonCount> reasons,
            @Schema(required = true, description = "MONTH: every month of the period, in order; other groupings: the "
                    + "groups with churn, most churned first") List<ChurnGroup> series) {
    }

    @Schema(name = "FunnelStage")
    public record FunnelStage(
            @Schema(required = true) CustomerStage stage,
            @Schema(required = true, description = "Customers that reached the stage in the period (created in it "
                    + "or moved to it)") long reached,
            @Schema(required = true, nullable = true, description = "Of those, how many reached a later stage in the "
                    + "period, after reaching this one (null for the last stage)") Long advanced,
            @Schema(required = true, nullable = true, description = "advanced / reached; null when nothing reached "
                    + "the stage or for the last stage") Double conversionRate,
            @Schema(required = true, nullable = true, description = "Median days customers stayed in the stage, over "
                    + "the stays that ended in the period; null when none ended") Double medianDays,
            @Schema(required = true, description = "Stays in the stage that ended in the period (what medianDays is "
                    + "of)") long staysEnded) {
    }

    @Schema(name = "FunnelReport")
    public record FunnelReport(
            @Schema(required = true) LocalDate from,
            @Schema(required = true) LocalDate to,
            @Schema(required = true) String timeZone,
            @Schema(required = true) Scope scope,
            @Schema(required = true, description = "Every stage, in trade order") List<FunnelStage> stages) {
    }

    @Schema(name = "RepActivity", description = "What one sub-account did in the period. Customer events are "
            + "attributed to the customer's owner at that moment (claimed and assigned: the one who got it; released "
            + "and auto-returned: the one who had it); follow-ups to their author, by when they happened.")
    public record RepActivity(
            @Schema(required = true) long userId,
            @Schema(required = true) String name,
            @Schema(required = true) Role role,
            @Schema(required = true) boolean active,
            @Schema(required = true, description = "Customers owned now (not of the period)") long ownedNow,
            @Schema(required = true, description = "Pool customers claimed") long claimed,
            @Schema(required = true, description = "Customers assigned or transferred to them") long assigned,
            @Schema(required = true) long followUps,
            @Schema(required = true, description = "Stage changes of their customers to a later stage") long stageAdvances,
            @Schema(required = true, description = "Stage changes of their customers to TRANSACTION or REPEAT_PURCHASE")
            long deals,
            @Schema(required = true) long lost,
            @Schema(required = true) long released,
            @Schema(required = true) long autoReturned) {
    }

    @Schema(name = "RepActivityReport")
    public record RepReport(
            @Schema(required = true) LocalDate from,
            @Schema(required = true) LocalDate to,
            @Schema(required = true) String timeZone,
            @Schema(required = true) Scope scope,
            @Schema(required = true, description = "Scope STORE: every user of the store, by name; OWN: the caller")
            List<RepActivity> items) {
    }

    @Schema(name = "SalesGrouping", description = "How the sales series is grouped")
    public enum SalesGrouping {
        MONTH, REP, SOURCE, COUNTRY, PRODUCT
    }

    @Schema(name = "SalesGroup", description = "One group of the sales series, in one currency")
    public record SalesGroup(
            @Schema(required = true, description = "MONTH: YYYY-MM; REP: the user id, or \"none\" (orders of pool "
                    + "customers); SOURCE: the enum name; COUNTRY: ISO 3166 alpha-2, or \"\" when unknown; PRODUCT: "
                    + "the product id") String key,
            @Schema(required = true, description = "A name to show: the month, the rep, the source, the country "
                    + "code, the product's SKU and name") String label,
            @Schema(nullable = true, description = "MONTH: the first day of the month within the period") LocalDate from,
            @Schema(nullable = true, description = "MONTH: the last day of the month within the period") LocalDate to,
            @Schema(required = true, description = "Paid orders less paid orders cancelled (PRODUCT: orders with "
                    + "the product)") long orders,
            @Schema(required = true, type = SchemaType.STRING, pattern = "^-?\\d+(\\.\\d+)?$",
                    description = "PRODUCT: the product lines' totals") String revenue,
            @Schema(nullable = true, description = "PRODUCT only: units sold") Long quantity,
            @Schema(required = true, description = "revenue / the currency's revenue, 0..1 (0 when that is 0)")
            double share) {
    }

    @Schema(name = "CurrencySales", description = "Sales in one currency: amounts of different currencies are "
            + "never added up.")
    public record CurrencySales(
            @Schema(required = true, examples = "USD") String currency,
            @Schema(required = true, description = "Orders paid in the period less paid orders cancelled in it")
            long orders,
            @Schema(required = true, type = SchemaType.STRING, pattern = "^-?\\d+(\\.\\d+)?$",
                    description = "Totals of orders paid in the period, less those of paid orders cancelled in it")
            String revenue,
            @Schema(nullable = true, type = SchemaType.STRING, description = "revenue / orders; null without orders")
            String averageOrderValue,
            @Schema(required = true, description = "MONTH: every month of the period, in order; other groupings: "
                    + "the 100 groups with most revenue, most first") List<SalesGroup> series,
            @Schema(required = true, description = "Customers who have paid at least one order in this currency "
                    + "(so far; scope OWN: of the caller's customers)") long payingCustomers,
            @Schema(required = true, description = "Of them, those who paid a second order") long repeatCustomers,
            @Schema(nullable = true, description = "repeatCustomers / payingCustomers; null without paying customers")
            Double repeatRate,
            @Schema(nullable = true, description = "Median days from a customer's first paid order to their second, "
                    + "of the second orders paid in the period; null when none was") Double medianDaysToRepeat,
            @Schema(nullable = true, type = SchemaType.STRING, description = "Customer lifetime value: revenue so far "
                    + "per paying customer; null without paying customers") String lifetimeValue) {
    }

    @Schema(name = "QuotationConversion", description = "Quotations written in the period, and how many of them "
            + "have been converted to an order so far")
    public record QuotationConversion(
            @Schema(required = true) long quotations,
            @Schema(required = true) long converted,
            @Schema(nullable = true, description = "converted / quotations; null without quotations") Double conversionRate) {
    }

    @Schema(name = "SalesReport")
    public record SalesReport(
            @Schema(required = true) LocalDate from,
            @Schema(required = true) LocalDate to,
            @Schema(required = true, description = "The store's time zone, in which the dates are days") String timeZone,
            @Schema(required = true) SalesGrouping groupBy,
            @Schema(required = true) Scope scope,
            @Schema(required = true, description = "One entry per currency sold in, most revenue first")
            List<CurrencySales> currencies,
            @Schema(required = true) QuotationConversion quotations) {
    }
}
