package com.harborcrm.pool;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.harborcrm.common.error.Problem;
import com.harborcrm.common.security.Roles;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.web.ETags;
import com.harborcrm.customer.CustomerDtos.CustomerView;
import com.harborcrm.pool.PoolDtos.AssignRequest;
import com.harborcrm.pool.PoolDtos.AssignResult;
import com.harborcrm.pool.PoolDtos.ClaimRequest;
import com.harborcrm.pool.PoolDtos.ClaimResult;
import com.harborcrm.pool.PoolDtos.Preview;
import com.harborcrm.pool.PoolDtos.SweepResult;

@Path("/api/v1/pool")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pool")
@SecurityRequirement(name = "bearerJwt")
public class PoolResource {

    @Inject
    PoolService pool;

    @Inject
    PoolRulesService rules;

    @Inject
    PoolSweeper sweeper;

    @Inject
    TenantContext tenant;

    @Schema(name = "PoolPage")
    public record PoolPage(@Schema(required = true) java.util.List<CustomerView> items,
            @Schema(required = true, nullable = true) String nextCursor) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "listPool", summary = "The store's customers without owner, best potential first",
            description = "Reps see email, phone, mobile and fax masked (j***@example.com, *** *** 4321) while the "
                    + "rule maskContacts is on.")
    @APIResponse(responseCode = "200", description = "A page of the pool",
            content = @Content(schema = @Schema(implementation = PoolPage.class)))
    @APIResponse(responseCode = "400", description = "Bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PoolPage list(
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) @Parameter(description = "Page size, at most 200") int limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        var page = pool.list(limit, cursor);
        return new PoolPage(page.items(), page.nextCursor());
    }

    @POST
    @Path("/claim")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "claimPoolCustomers", summary = "Claim pool customers",
            description = "Takes as many of the listed customers as the rules allow, in the listed order: the "
                    + "private-customer limit, the daily claim limit (store time zone) and the reclaim cooldown. "
                    + "Concurrent claims of one customer: exactly one wins. Each claim restarts the customer's "
                    + "auto-return clock and is recorded (OWNER_CHANGED, kind CLAIMED).")
    @APIResponse(responseCode = "200", description = "What was claimed and why the others were not",
            content = @Content(schema = @Schema(implementation = ClaimResult.class)))
    @APIResponse(responseCode = "400", description = "1 to 100 ids are required (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A single customer was asked for and someone else owns it "
            + "(`already-claimed`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ClaimResult claim(@Valid @NotNull ClaimRequest body) {
        return pool.claim(body.customerIds());
    }

    @POST
    @Path("/assign")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "assignCustomers", summary = "Assign pool customers or transfer private ones to a user",
            description = "The target's private-customer limit holds unless an admin passes `override: true`. "
                    + "Recorded as OWNER_CHANGED, kind ASSIGNED (from the pool) or TRANSFERRED (from another user).")
    @APIResponse(responseCode = "200", description = "What was assigned and why the others were not",
            content = @Content(schema = @Schema(implementation = AssignResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid ids, or userId is not an active user of the store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Reps cannot assign; only admins can override the limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AssignResult assign(@Valid @NotNull AssignRequest body) {
        return pool.assign(body);
    }

    @GET
    @Path("/rules")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "getPoolRules", summary = "The store's pool rules")
    @APIResponse(responseCode = "200", description = "The rules", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = PoolRules.class)))
    public Response getRules() {
        var current = rules.currentVersioned();
        return Response.ok(current.rules()).tag(ETags.of(current.version())).build();
    }

    @PUT
    @Path("/rules")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updatePoolRules", summary = "Replace the store's pool rules",
            description = "All members are required; 0 switches a rule off. warnDaysBeforeReturn must be less than "
                    + "every return rule that is on. With If-Match, a stale version answers 412.")
    @APIResponse(responseCode = "200", description = "The new rules", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = PoolRules.class)))
    @APIResponse(responseCode = "400", description = "Invalid rules (`validation`), listed in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only admins change the rules",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale (`precondition-failed`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response putRules(
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the version being changed") String ifMatch,
            @Valid @NotNull PoolRules body) {
        var saved = rules.save(body, ETags.parseIfMatch(ifMatch));
        return Response.ok(saved.rules()).tag(ETags.of(saved.version())).build();
    }

    @POST
    @Path("/rules/preview")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "previewPoolRules", summary = "What candidate rules would return to the pool",
            description = "Counts private customers (total and per owner) that would return today, tomorrow and "
                    + "within 7 days under the given rules. Nothing is saved.")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(schema = @Schema(implementation = Preview.class)))
    @APIResponse(responseCode = "400", description = "Invalid rules (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Reps cannot preview rules",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Preview preview(@Valid @NotNull PoolRules body) {
        return pool.preview(body);
    }

    @POST
    @Path("/sweep")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "sweepPool", summary = "Run the auto-return sweep of this store now",
            description = "Returns due private customers to the pool (OWNER_CHANGED, kind AUTO_RETURNED), writes "
                    + "return warnings (once per customer and return window) and purges customers left unclaimed "
                    + "too long. If a sweep of the store is already running, nothing is done (`skipped`).")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(schema = @Schema(implementation = SweepResult.class)))
    @APIResponse(responseCode = "403", description = "Only admins run the sweep",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SweepResult sweep() {
        return sweeper.sweep(tenant.storeId());
    }
}
