package com.harborcrm.order;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.Problem;
import com.harborcrm.common.paging.PageLimit;
import com.harborcrm.common.security.Roles;
import com.harborcrm.common.web.ETags;
import com.harborcrm.order.OrderDtos.OrderInput;
import com.harborcrm.order.OrderDtos.OrderPage;
import com.harborcrm.order.OrderDtos.OrderView;
import com.harborcrm.order.OrderDtos.StatusChange;

@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
@SecurityRequirement(name = "bearerJwt")
public class OrderResource {

    @Inject
    OrderService orders;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "listOrders", summary = "The store's quotations and orders, newest first",
            description = "A rep sees those of the customers they own.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = OrderPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OrderPage list(
            @QueryParam("status") @Parameter(schema = @Schema(implementation = OrderStatus.class)) String status,
            @QueryParam("kind") @Parameter(schema = @Schema(implementation = OrderKind.class)) String kind,
            @QueryParam("customerId") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
            String customerId,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200",
                    defaultValue = "50")) String limit) {
        return orders.list(parse("status", status, OrderStatus.class), parse("kind", kind, OrderKind.class),
                parseId(customerId), cursor, PageLimit.parse(limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "getOrder", summary = "One quotation or order with its lines and totals")
    @APIResponse(responseCode = "200", description = "The order", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = "No such order visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") long id) {
        OrderView order = orders.get(id);
        return Response.ok(order).tag(ETags.of(order.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "replaceOrder", summary = "Rewrite a draft: lines, currency and terms",
            description = "Totals are computed again. Only a DRAFT can be changed; the kind cannot.")
    @APIResponse(responseCode = "200", description = "Rewritten", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (all of them at once)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The customer is in the pool: claim it first",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such order visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a draft any more (`order-not-editable`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the version being changed") String ifMatch,
            @Valid @NotNull OrderInput body) {
        OrderView order = orders.replace(id, body, ETags.parseIfMatch(ifMatch));
        return Response.ok(order).tag(ETags.of(order.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "deleteOrder", summary = "Delete a draft")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "The customer is in the pool: claim it first",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such order visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a draft: cancel it instead (`order-not-editable`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the version being deleted") String ifMatch) {
        orders.delete(id, ETags.parseIfMatch(ifMatch));
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "changeOrderStatus", summary = "Move an order along its path",
            description = "Quotations: DRAFT → SENT → ACCEPTED | DECLINED. Orders and sample orders: DRAFT → "
                    + "CONFIRMED → PAID → SHIPPED, or CANCELLED before shipping; a sample may ship unpaid. Confirming "
                    + "reserves the product lines' stock, shipping consumes it, cancelling gives it back, in the "
                    + "same transaction. A confirmed sample order moves the customer to SAMPLE_ORDER, a paid order "
                    + "to TRANSACTION (REPEAT_PURCHASE when one was paid before), never backwards. `nextStatuses` "
                    + "of the order says which steps it can take.")
    @APIResponse(responseCode = "200", description = "Moved", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "No or unknown status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The customer is in the pool: claim it first",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such order visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a step this order can take (`order-transition-not-allowed`, "
            + "with `allowed`), or not enough stock to confirm (`insufficient-stock`, with `shortages`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeStatus(@PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the version being changed") String ifMatch,
            @Valid @NotNull StatusChange body) {
        OrderView order = orders.changeStatus(id, body.status(), ETags.parseIfMatch(ifMatch));
        return Response.ok(order).tag(ETags.of(order.version())).build();
    }

    @POST
    @Path("/{id}/convert")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "convertQuotation", summary = "Turn a sent or accepted quotation into a draft order",
            description = "The order takes the quotation's lines, prices and terms; a sent quotation becomes "
                    + "ACCEPTED. A quotation converts once.")
    @APIResponse(responseCode = "201", description = "The new draft order", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "403", description = "The customer is in the pool: claim it first",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such order visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not a sent or accepted quotation "
            + "(`order-transition-not-allowed`), or converted before (`quotation-already-converted`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response convert(@PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the quotation") String ifMatch) {
        OrderView order = orders.convert(id, ETags.parseIfMatch(ifMatch));
        return Response.created(URI.create("/api/v1/orders/" + order.id())).entity(order)
                .tag(ETags.of(order.version())).build();
    }

    static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(FieldError.oneOf(field, type.getEnumConstants()));
        }
    }

    private static Long parseId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(FieldError.of("customerId", FieldError.Code.FORMAT, "must be a customer id"));
        }
    }
}
