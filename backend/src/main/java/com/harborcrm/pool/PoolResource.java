package com.harborcrm.pool;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.Problem;
import com.harborcrm.common.paging.TotalCount;
import com.harborcrm.common.security.Roles;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.web.ETags;
import com.harborcrm.customer.CustomerDtos.CustomerView;
import com.harborcrm.customer.CustomerSort;
import com.harborcrm.customer.CustomerStage;
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
            @Schema(required = true, nullable = true) String nextCursor,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            @Schema(description = TotalCount.TOTAL_DESCRIPTION) Long total,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            @Schema(description = TotalCount.CAPPED_DESCRIPTION) Boolean totalCapped) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "listPool", summary = "Screen the pool: the store's customers without owner",
            description = "Managers and admins see every pool, a rep the pools they belong to (GET /pools); "
                    + "poolId narrows to some. Takes the screening filters of GET /customers (except "
                    + "ownerId, which is always none), default sort -score (best potential first). While the rule "
                    + "maskContacts is on, reps see each contact (email, phone, mobile, fax, IM handles, website) as "
                    + "the pool's fieldVisibility says: whole, masked (j***@example.com, *** *** 4321, j***, ***.com) "
                    + "or hidden (null; IM handles left out), and so wherever those values appear in notes and "
                    + "custom fields (a hidden one as ***).")
    @Parameters({
            @Parameter(name = "q", in = ParameterIn.QUERY, description = "As for GET /customers; where contacts are masked, names and companies by part, emails, numbers and IM handles only whole"),
            @Parameter(name = "stage", in = ParameterIn.QUERY, description = "Repeatable", schema = @Schema(type = SchemaType.ARRAY, implementation = CustomerStage.class)),
            @Parameter(name = "stars", in = ParameterIn.QUERY, description = "Repeatable, 0-3", schema = @Schema(type = SchemaType.ARRAY, implementation = Integer.class)),
            @Parameter(name = "country", in = ParameterIn.QUERY, description = "Repeatable ISO 3166-1 alpha-2", schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)),
            @Parameter(name = "tag", in = ParameterIn.QUERY, description = "Carries any of these tag ids", schema = @Schema(type = SchemaType.ARRAY, implementation = Long.class)),
            @Parameter(name = "poolId", in = ParameterIn.QUERY, description = "In any of these pools (repeatable)", schema = @Schema(type = SchemaType.ARRAY, implementation = Long.class)),
            @Parameter(name = "hasEmail", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.BOOLEAN)),
            @Parameter(name = "hasPhone", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.BOOLEAN)),
            @Parameter(name = "scoreMin", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100")),
            @Parameter(name = "sort", in = ParameterIn.QUERY, description = CustomerSort.DESCRIPTION + " Here the default is -score."),
            @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Page size, default 50, at most 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")),
            @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "nextCursor of the previous page"),
            @Parameter(name = "includeTotal", in = ParameterIn.QUERY, description = "Also count all matches", schema = @Schema(type = SchemaType.BOOLEAN)),
            @Parameter(name = "countUpTo", in = ParameterIn.QUERY, description = TotalCount.DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000"))})
    @APIResponse(responseCode = "200", description = "A page of the pool",
            content = @Content(schema = @Schema(implementation = PoolPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter, sort, limit or cursor (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PoolPage list(@Context UriInfo uri) {
        var page = pool.list(uri.getQueryParameters());
        return new PoolPage(page.items(), page.nextCursor(), page.total(), page.totalCapped());
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

    private static final String POOL_ID = "The pool; by default the store's default pool (0)";

    /**
     * ?poolId= as a number. Typed Long, text that is not a number failed JAX-RS's conversion and answered 404 "nothing
     * at this address"; it is a field error (400) naming the parameter.
     */
    private static Long poolIdOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(FieldError.of("poolId", FieldError.Code.FORMAT, "must be the id of a pool, a whole number"));
        }
    }

    @GET
    @Path("/rules")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "getPoolRules", summary = "A pool's rules",
            description = "The rules of the pool `poolId`, by default the store's default pool (0). A rep reads only "
                    + "the rules of pools they belong to.")
    @APIResponse(responseCode = "200", description = "The rules", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = PoolRules.class)))
    @APIResponse(responseCode = "400", description = "poolId is not a number (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such pool in this store, or not one of the calling rep's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getRules(@QueryParam("poolId") @Parameter(description = POOL_ID, schema = @Schema(implementation = Long.class)) String poolId) {
        var current = rules.visible(poolIdOf(poolId));
        return Response.ok(current.rules()).tag(ETags.of(current.version())).build();
    }

    @PUT
    @Path("/rules")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "updatePoolRules", summary = "Replace a pool's rules",
            description = "Replaces the rules of the pool `poolId` (by default the default pool, 0); its owned "
                    + "customers' return dates follow at once. All members are required; 0 switches a rule off. "
                    + "warnDaysBeforeReturn must be less than every return rule that is on. Admins change every "
                    + "pool's rules, a manager those of the pools that name them in managerIds. With If-Match, a stale "
                    + "version answers 412.")
    @APIResponse(responseCode = "200", description = "The new rules", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = PoolRules.class)))
    @APIResponse(responseCode = "400", description = "Invalid rules or poolId (`validation`), listed in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only admins and the pool's managers change its rules",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such pool in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale (`precondition-failed`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response putRules(@QueryParam("poolId") @Parameter(description = POOL_ID, schema = @Schema(implementation = Long.class)) String poolId,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the version being changed") String ifMatch,
            @Valid @NotNull PoolRules body) {
        var saved = rules.save(poolIdOf(poolId), body, ETags.parseIfMatch(ifMatch));
        return Response.ok(saved.rules()).tag(ETags.of(saved.version())).build();
    }

    @GET
    @Path("/limits")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "getPoolStoreLimits", summary = "The store's limits across all pools",
            description = "Private customers per rep and claims per rep per day counted across all of the store's "
                    + "pools together, on top of each pool's own rules; 0: no such limit.")
    @APIResponse(responseCode = "200", description = "The limits", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = StoreLimits.class)))
    public Response getLimits() {
        var current = rules.limitsVersioned();
        return Response.ok(current.limits()).tag(ETags.of(current.version())).build();
    }

    @PUT
    @Path("/limits")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updatePoolStoreLimits", summary = "Replace the store's limits across all pools",
            description = "Both members are required; 0 switches a limit off. Customers a rep already holds beyond a "
                    + "new limit stay theirs; the rep claims again once under it. With If-Match, a stale version "
                    + "answers 412.")
    @APIResponse(responseCode = "200", description = "The new limits", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = StoreLimits.class)))
    @APIResponse(responseCode = "400", description = "Invalid limits (`validation`), every one listed in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only admins change the limits",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale (`precondition-failed`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response putLimits(
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the version being changed") String ifMatch,
            @Valid @NotNull StoreLimits body) {
        var saved = rules.saveLimits(body, ETags.parseIfMatch(ifMatch));
        return Response.ok(saved.limits()).tag(ETags.of(saved.version())).build();
    }

    @POST
    @Path("/rules/preview")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "previewPoolRules", summary = "What candidate rules would return to the pool",
            description = "Counts the private customers of the pool `poolId` (by default the default pool, 0), in "
                    + "total and per owner, that would return today, tomorrow and within 7 days under the given "
                    + "rules. Nothing is saved.")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(schema = @Schema(implementation = Preview.class)))
    @APIResponse(responseCode = "400", description = "Invalid rules or poolId (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Reps cannot preview rules",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such pool in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Preview preview(@QueryParam("poolId") @Parameter(description = POOL_ID, schema = @Schema(implementation = Long.class)) String poolId,
            @Valid @NotNull PoolRules body) {
        return pool.preview(rules.visiblePoolId(poolIdOf(poolId)), body);
    }

    @POST
    @Path("/sweep")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "sweepPool", summary = "Run the auto-return sweep of this store now",
            description = "Returns due private customers to the pool (OWNER_CHANGED, kind AUTO_RETURNED), writes "
                    + "return warnings (once per customer and return window) and purges customers left unclaimed "
                    + "too long, and takes the recent-follow-up points off potential scores whose follow-up is no "
                    + "longer recent (`rescored`). If a sweep of the store is already running, nothing is done "
                    + "(`skipped`).")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(schema = @Schema(implementation = SweepResult.class)))
    @APIResponse(responseCode = "403", description = "Only admins run the sweep",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SweepResult sweep() {
        return sweeper.sweep(tenant.storeId());
    }
}
