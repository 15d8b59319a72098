package com.harborcrm.stats;

import java.util.Locale;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.Problem;
import com.harborcrm.common.security.Roles;
import com.harborcrm.stats.StatsDtos.ChurnGrouping;
import com.harborcrm.stats.StatsDtos.ChurnReport;
import com.harborcrm.stats.StatsDtos.FunnelReport;
import com.harborcrm.stats.StatsDtos.RepReport;

@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics")
@SecurityRequirement(name = "bearerJwt")
public class StatsResource {

    private static final String PERIOD = " The period is from..to, local dates of the store's time zone, both "
            + "included (default: the first of this month to today), at most 5 years. Reps get their own figures "
            + "(scope OWN), managers and admins the store's (scope STORE). Figures come from the customers' "
            + "append-only history, so a past period always gives the same answer.";

    @Inject
    StatsService stats;

    @GET
    @Path("/churn")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "getChurnStats", summary = "Churn: lost, released and auto-returned customers, churn rate, reasons",
            description = "Counts of customers marked lost, released (abandoned) and auto-returned in the period, the "
                    + "churn rate (lost / active at the period's start), every reason with its count and share, and "
                    + "a series per month, rep, source or stage (groupBy, default MONTH)." + PERIOD)
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "First day, YYYY-MM-DD", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day, YYYY-MM-DD", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @Parameter(name = "groupBy", in = ParameterIn.QUERY, description = "MONTH (default), REP, SOURCE or STAGE; any "
            + "letter case", schema = @Schema(implementation = ChurnGrouping.class))
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(schema = @Schema(implementation = ChurnReport.class)))
    @APIResponse(responseCode = "400", description = "Bad dates, period or groupBy (`validation`, field errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChurnReport churn(@Context UriInfo uri) {
        var query = uri.getQueryParameters();
        String raw = query.getFirst("groupBy");
        ChurnGrouping groupBy = ChurnGrouping.MONTH;
        if (raw != null && !raw.isBlank()) {
            try {
                groupBy = ChurnGrouping.valueOf(raw.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid(com.harborcrm.common.error.FieldError.oneOf("groupBy", ChurnGrouping.values()));
            }
        }
        return stats.churn(query, Set.of("from", "to", "groupBy"), groupBy);
    }

    @GET
    @Path("/funnel")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "getFunnelStats", summary = "Stage funnel: customers reaching each stage, conversion, days per stage",
            description = "Per stage in trade order: customers that reached it in the period, how many of those then "
                    + "reached a later stage in the period (conversion), and the median days of the stays in it that "
                    + "ended in the period." + PERIOD)
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "First day, YYYY-MM-DD", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day, YYYY-MM-DD", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @APIResponse(responseCode = "200", description = "The funnel",
            content = @Content(schema = @Schema(implementation = FunnelReport.class)))
    @APIResponse(responseCode = "400", description = "Bad dates or period (`validation`, field errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FunnelReport funnel(@Context UriInfo uri) {
        return stats.funnel(uri.getQueryParameters(), Set.of("from", "to"));
    }

    @GET
    @Path("/reps")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "getRepStats", summary = "Activity per sub-account",
            description = "Per user: customers owned now; in the period claimed, assigned to them, follow-ups "
                    + "recorded, stage advances, deals (to TRANSACTION or REPEAT_PURCHASE), lost, released and "
                    + "auto-returned." + PERIOD)
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "First day, YYYY-MM-DD", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day, YYYY-MM-DD", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @APIResponse(responseCode = "200", description = "One row per user",
            content = @Content(schema = @Schema(implementation = RepReport.class)))
    @APIResponse(responseCode = "400", description = "Bad dates or period (`validation`, field errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RepReport reps(@Context UriInfo uri) {
        return stats.reps(uri.getQueryParameters(), Set.of("from", "to"));
    }

    @GET
    @Path("/sales")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "getSalesStats", summary = "Sales by value: revenue, orders, average order value, "
            + "repeat purchases, lifetime value, quotation conversion",
            description = "Per currency (amounts of different currencies are never added up): orders paid in the "
                    + "period and their revenue, less paid orders cancelled in it; the average order value; a series "
                    + "per month, rep (credited with the orders of their customers), source, country or product "
                    + "(groupBy, default MONTH); paying and repeat customers and the lifetime value so far; the "
                    + "median days to a second order. Also the quotations written in the period and how many were "
                    + "converted to orders." + PERIOD)
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "First day, YYYY-MM-DD", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "Last day, YYYY-MM-DD", schema = @Schema(type = SchemaType.STRING, format = "date"))
    @Parameter(name = "groupBy", in = ParameterIn.QUERY, description = "MONTH (default), REP, SOURCE, COUNTRY or "
            + "PRODUCT; any letter case", schema = @Schema(implementation = StatsDtos.SalesGrouping.class))
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(schema = @Schema(implementation = StatsDtos.SalesReport.class)))
    @APIResponse(responseCode = "400", description = "Bad dates, period or groupBy (`validation`, field errors)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StatsDtos.SalesReport sales(@Context UriInfo uri) {
        var query = uri.getQueryParameters();
        String raw = query.getFirst("groupBy");
        StatsDtos.SalesGrouping groupBy = StatsDtos.SalesGrouping.MONTH;
        if (raw != null && !raw.isBlank()) {
            try {
                groupBy = StatsDtos.SalesGrouping.valueOf(raw.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid(FieldError.oneOf("groupBy", StatsDtos.SalesGrouping.values()));
            }
        }
        return stats.sales(query, Set.of("from", "to", "groupBy"), groupBy);
    }
}
