package com.harborcrm.customer;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.harborcrm.common.error.Problem;
import com.harborcrm.common.paging.PageLimit;
import com.harborcrm.common.paging.TotalCount;
import com.harborcrm.common.security.Roles;
import com.harborcrm.common.web.ETags;
import com.harborcrm.customer.CustomerDtos.CreateCustomerOptions;
import com.harborcrm.customer.CustomerDtos.CustomerFields;
import com.harborcrm.customer.CustomerDtos.CustomerView;
import com.harborcrm.tag.TagDtos.SetCustomerTagsRequest;
import com.harborcrm.tag.TagService;

@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
@SecurityRequirement(name = "bearerJwt")
public class CustomerResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    /** Parameters of the list besides the filter's. */
    static final java.util.Set<String> LIST_PARAMETERS = java.util.Set.of("sort", "limit", "cursor", "includeTotal", "countUpTo", "view");

    @Inject
    CustomerService customers;

    @Inject
    TagService tagService;

    @Inject
    TimelineService timeline;

    @Inject
    CustomerSearch search;

    @Inject
    CustomerBatch batch;

    @Inject
    com.harborcrm.view.SavedViewService savedViews;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "createCustomer", summary = "Create a customer file",
            description = "The caller owns the new customer unless `pool` is true (no owner) or a manager/admin "
                    + "gives `ownerId`. Customers sharing a normalized email (lower-case, +tag removed), phone or "
                    + "mobile digits (at least 6, any against any) or an IM account are duplicates: the answer is "
                    + "409 `duplicate-customer` with `matches` unless `allowDuplicate=true`. Read-only and unknown "
                    + "members are rejected.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {CustomerFields.class, CreateCustomerOptions.class})))
    @APIResponse(responseCode = "201", description = "Created", headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (`validation`), listed in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A rep gave another user as owner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Duplicate (`duplicate-customer`); the member `matches` lists "
            + "up to 10 existing customers as {id, name, companyName, ownerName, matchedOn}",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @QueryParam("allowDuplicate") @DefaultValue("false")
            @Parameter(description = "Create even if duplicates exist") boolean allowDuplicate,
            @NotNull ObjectNode body) {
        CustomerView created = customers.create(body, allowDuplicate);
        return Response.created(URI.create("/api/v1/customers/" + created.id())).entity(created)
                .tag(ETags.of(created.version())).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "listCustomers", summary = "Screen customers",
            description = "Filters combine with AND; repeated (or comma-separated) values of one filter with OR. "
                    + "Reps see only their own customers. Dates are ISO date-times, or calendar days in the store's "
                    + "time zone (a day as ...To or ...Before includes that whole day). Keyset-paged with nextCursor; "
                    + "the cursor is only valid with the same sort.")
    @Parameters({
            @Parameter(name = "q", in = ParameterIn.QUERY, description = "Substring of name, company, email, or phone/mobile digits; or a whole IM handle (any network)"),
            @Parameter(name = "stage", in = ParameterIn.QUERY, description = "Repeatable", schema = @Schema(type = SchemaType.ARRAY, implementation = CustomerStage.class)),
            @Parameter(name = "stars", in = ParameterIn.QUERY, description = "Repeatable, 0-3", schema = @Schema(type = SchemaType.ARRAY, implementation = Integer.class)),
            @Parameter(name = "status", in = ParameterIn.QUERY, description = "Repeatable", schema = @Schema(type = SchemaType.ARRAY, implementation = CustomerStatus.class)),
            @Parameter(name = "source", in = ParameterIn.QUERY, description = "Repeatable", schema = @Schema(type = SchemaType.ARRAY, implementation = CustomerSource.class)),
            @Parameter(name = "country", in = ParameterIn.QUERY, description = "Repeatable ISO 3166-1 alpha-2", schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)),
            @Parameter(name = "tag", in = ParameterIn.QUERY, description = "Carries any of these tag ids", schema = @Schema(type = SchemaType.ARRAY, implementation = Long.class)),
            @Parameter(name = "tagAll", in = ParameterIn.QUERY, description = "Carries all of these tag ids", schema = @Schema(type = SchemaType.ARRAY, implementation = Long.class)),
            @Parameter(name = "ownerId", in = ParameterIn.QUERY, description = "A user id, me, or none (the pool)"),
            @Parameter(name = "poolId", in = ParameterIn.QUERY, description = "In any of these pools; an owned customer is in the pool it returns to (repeatable)", schema = @Schema(type = SchemaType.ARRAY, implementation = Long.class)),
            @Parameter(name = "createdFrom", in = ParameterIn.QUERY, description = "Inclusive"),
            @Parameter(name = "createdTo", in = ParameterIn.QUERY, description = "Exclusive (a day: inclusive)"),
            @Parameter(name = "lastFollowUpFrom", in = ParameterIn.QUERY, description = "Inclusive"),
            @Parameter(name = "lastFollowUpTo", in = ParameterIn.QUERY, description = "Exclusive (a day: inclusive)"),
            @Parameter(name = "nextFollowUpBefore", in = ParameterIn.QUERY, description = "Exclusive (a day: inclusive)"),
            @Parameter(name = "hasEmail", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.BOOLEAN)),
            @Parameter(name = "hasPhone", in = ParameterIn.QUERY, description = "Phone or mobile", schema = @Schema(type = SchemaType.BOOLEAN)),
            @Parameter(name = "scoreMin", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100")),
            @Parameter(name = "scoreMax", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "100")),
            @Parameter(name = "customField", in = ParameterIn.QUERY, explode = Explode.TRUE,
                    description = "A custom field's value as key:value, e.g. customField=incoterm:FOB (MULTI_SELECT: "
                            + "contains it); repeat it for several fields, all must match. Hand-written clients may "
                            + "also send cf[incoterm]=FOB; the older cf.incoterm=FOB is deprecated and accepted until "
                            + "2027-06-30.",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class, pattern = "^[^:]+:")),
            @Parameter(name = "view", in = ParameterIn.QUERY, description = "Screen with one of the caller's saved views instead of the filter parameters", schema = @Schema(type = SchemaType.INTEGER)),
            @Parameter(name = "sort", in = ParameterIn.QUERY, description = CustomerSort.DESCRIPTION),
            @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Page size, default 50, at most 200", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")),
            @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "nextCursor of the previous page"),
            @Parameter(name = "includeTotal", in = ParameterIn.QUERY, description = "Also count all matches", schema = @Schema(type = SchemaType.BOOLEAN)),
            @Parameter(name = "countUpTo", in = ParameterIn.QUERY, description = TotalCount.DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000"))})
    @APIResponse(responseCode = "200", description = "A page of customers",
            content = @Content(schema = @Schema(implementation = CustomerPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter, sort, limit or cursor (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CustomerPage list(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        CustomerFilter filter;
        CustomerSort.Spec sort;
        String view = query.getFirst("view");
        if (view != null && !view.isBlank()) {
            // A saved view replaces the filter parameters; an explicit sort still wins over the view's.
            var saved = savedViews.screen(parseViewId(view));
            filter = saved.getKey();
            sort = CustomerSort.Spec.parse(query.getFirst("sort") != null ? query.getFirst("sort") : saved.getValue());
        } else {
            filter = search.filterFromQuery(query, LIST_PARAMETERS);
            sort = CustomerSort.Spec.parse(query.getFirst("sort"));
        }
        int limit = PageLimit.parse(query.getFirst("limit"));
        String cursor = query.getFirst("cursor");
        var page = search.list(filter, sort, limit, cursor == null || cursor.isEmpty() ? null : cursor,
                TotalCount.parse(query.getFirst("includeTotal"), query.getFirst("countUpTo")));
        return new CustomerPage(page.items(), page.nextCursor(), page.total(), page.totalCapped());
    }

    private static long parseViewId(String view) {
        try {
            return Long.parseLong(view.trim());
        } catch (NumberFormatException e) {
            throw com.harborcrm.common.error.DomainException.invalid("view", "is not one of your saved views");
        }
    }

    @Schema(name = "CustomerPage")
    public record CustomerPage(@Schema(required = true) java.util.List<CustomerView> items,
            @Schema(required = true, nullable = true) String nextCursor,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            @Schema(description = TotalCount.TOTAL_DESCRIPTION) Long total,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            @Schema(description = TotalCount.CAPPED_DESCRIPTION) Boolean totalCapped) {
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "getCustomer", summary = "Read a customer file",
            description = "Reps read their own customers; managers and admins every customer of the store.")
    @APIResponse(responseCode = "200", description = "The customer", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "404", description = "No such customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") long id) {
        CustomerView customer = customers.get(id);
        return Response.ok(customer).tag(ETags.of(customer.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "updateCustomer", summary = "Change a customer file (JSON merge patch)",
            description = "RFC 7396: members present change, `null` clears (inside `customFields`: removes that "
                    + "key), absent members stay. Only the members of CustomerFields are writable; owner, tags, "
                    + "score, counters, timestamps and version change through their own endpoints, so sending "
                    + "them (or unknown members) answers 400. With If-Match, a stale version answers 412 and "
                    + "nothing changes. New contact details matching another customer answer 409 "
                    + "`duplicate-customer` (as on create) unless allowDuplicate=true.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "Any members of CustomerFields")),
            @Content(mediaType = MERGE_PATCH, schema = @Schema(type = SchemaType.OBJECT,
                    description = "Any members of CustomerFields"))})
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", description = "Invalid, read-only or unknown fields (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The new contact details match another customer (`duplicate-customer`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale (`precondition-failed`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the version being changed") String ifMatch,
            @QueryParam("allowDuplicate") @DefaultValue("false")
            @Parameter(description = "Save even if the new contact details match another customer") boolean allowDuplicate,
            @NotNull ObjectNode body) {
        CustomerView updated = customers.update(id, body, ETags.parseIfMatch(ifMatch), allowDuplicate);
        return Response.ok(updated).tag(ETags.of(updated.version())).build();
    }

    @POST
    @Path("/batch")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "batchCustomers", summary = "Tag, untag, replace a tag, set stage or stars, release, "
            + "transfer or delete many customers",
            description = "Select by ids (at most 50,000) or by a filter (the same criteria as the list; at most "
                    + "50,000 matches). Reps act on their own customers only: other ids are skipped as NOT_FOUND. "
                    + "DELETE and TRANSFER are for managers and admins. RELEASE (needs reasonId) follows the rules of "
                    + "POST /customers/{id}/release, TRANSFER (needs userId; override for admins) those of POST "
                    + "/pool/assign: see BatchRequest. Every change is recorded on the customers' timelines.")
    @APIResponse(responseCode = "200", description = "What was matched, changed and skipped",
            content = @Content(schema = @Schema(implementation = BatchDtos.BatchResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, unknown tags, unknown or retired reasonId, "
            + "userId not an active user of the store, too many customers",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "DELETE or TRANSFER by a rep; override by a manager",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BatchDtos.BatchResult batch(@Valid @NotNull BatchDtos.BatchRequest body) {
        return batch.run(body);
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "getCustomerTimeline", summary = "Everything that happened to a customer, newest first",
            description = "Follow-ups and events (CREATED, STAGE_CHANGED, STARS_CHANGED, TAGS_CHANGED, OWNER_CHANGED, "
                    + "LOST, REACTIVATED, IMPORTED, INQUIRY_RECEIVED, MERGED, MERGE_UNDONE) in one list.")
    @APIResponse(responseCode = "200", description = "A page of the timeline",
            content = @Content(schema = @Schema(implementation = TimelinePage.class)))
    @APIResponse(responseCode = "400", description = "Bad limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TimelinePage timeline(@PathParam("id") long id,
            @QueryParam("limit") @Parameter(description = "Page size, default 50, at most 200",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        var page = timeline.list(id, PageLimit.parse(limit), cursor);
        return new TimelinePage(page.items(), page.nextCursor());
    }

    @Schema(name = "TimelinePage")
    public record TimelinePage(@Schema(required = true) java.util.List<TimelineService.TimelineEntry> items,
            @Schema(required = true, nullable = true) String nextCursor) {
    }

    @PUT
    @Path("/{id}/tags")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "setCustomerTags", summary = "Set a customer's tags",
            description = "Replaces the customer's tags by exactly the given ones; the change is recorded on the "
                    + "timeline (TAGS_CHANGED).")
    @APIResponse(responseCode = "200", description = "The customer with its new tags", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", description = "Unknown tag ids (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response setTags(@PathParam("id") long id, @Valid @NotNull SetCustomerTagsRequest body) {
        CustomerView customer = tagService.setCustomerTags(id, body.tagIds());
        return Response.ok(customer).tag(ETags.of(customer.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "deleteCustomer", summary = "Delete a customer permanently",
            description = "Its follow-ups, events and tag links are deleted with it; the store's audit log keeps "
                    + "who deleted which id.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Reps cannot delete customers",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") long id) {
        customers.delete(id);
    }
}
