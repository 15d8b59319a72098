package com.harborcrm.order;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

import com.harborcrm.common.error.Problem;
import com.harborcrm.common.paging.PageLimit;
import com.harborcrm.common.security.Roles;
import com.harborcrm.common.web.ETags;
import com.harborcrm.order.OrderDtos.OrderInput;
import com.harborcrm.order.OrderDtos.OrderPage;
import com.harborcrm.order.OrderDtos.OrderView;

@Path("/api/v1/customers/{customerId}/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
@SecurityRequirement(name = "bearerJwt")
public class CustomerOrderResource {

    @Inject
    OrderService orders;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "listCustomerOrders", summary = "A customer's quotations and orders, newest first")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = OrderPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OrderPage list(@PathParam("customerId") long customerId,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200",
                    defaultValue = "50")) String limit) {
        return orders.listForCustomer(customerId, cursor, PageLimit.parse(limit));
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "createOrder", summary = "Write a quotation, sample order or order for a customer",
            description = "It starts as a DRAFT; the server computes every total. A rep writes for their own "
                    + "customers only.")
    @APIResponse(responseCode = "201", description = "Created", headers = {@Header(name = "Location"),
            @Header(name = "ETag")}, content = @Content(schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (all of them at once, lines by index: "
            + "`lines[2].unitPrice`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The customer is in the pool: claim it first",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("customerId") long customerId, @Valid @NotNull OrderInput body) {
        OrderView order = orders.create(customerId, body);
        return Response.created(URI.create("/api/v1/orders/" + order.id())).entity(order)
                .tag(ETags.of(order.version())).build();
    }
}
