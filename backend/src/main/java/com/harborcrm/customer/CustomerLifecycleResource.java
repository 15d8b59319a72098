package com.harborcrm.customer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.harborcrm.common.error.Problem;
import com.harborcrm.common.security.Roles;
import com.harborcrm.common.web.Text;
import com.harborcrm.customer.CustomerDtos.CustomerView;

/** Lost and reactivate: the customer's status changes only here (and in the batch), never by PATCH. */
@Path("/api/v1/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
@SecurityRequirement(name = "bearerJwt")
public class CustomerLifecycleResource {

    @Inject
    CustomerLifecycle lifecycle;

    @Inject
    CustomerService customers;

    @Schema(name = "MarkLostRequest")
    public record MarkLostRequest(
            @NotNull @Schema(required = true, description = "A current reason of the store (see /lost-reasons)") Long reasonId,
            @Size(max = 500) @Pattern(regexp = Text.NO_NUL, message = Text.NO_NUL_MESSAGE) String note) {
    }

    @POST
    @Path("/lost")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "markCustomerLost", summary = "Mark a customer lost, with a reason",
            description = "Reps their own customers, managers and admins any. The customer keeps its owner; the pool's "
                    + "return timers stop for it. Recorded as LOST with reasonId and note; counts as lost in churn "
                    + "statistics.")
    @APIResponse(responseCode = "200", description = "The customer, now LOST",
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", description = "Missing, unknown or archived reason (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A rep on a pool customer (claim it first)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already lost (`already-lost`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CustomerView markLost(@PathParam("id") long id, @Valid @NotNull MarkLostRequest body) {
        lifecycle.markLost(id, body.reasonId(), body.note());
        return customers.get(id);
    }

    @POST
    @Path("/reactivate")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "reactivateCustomer", summary = "Bring a lost customer back",
            description = "Reps their own customers, managers and admins any. Recorded as REACTIVATED; an owned "
                    + "customer's pool clock restarts now.")
    @APIResponse(responseCode = "200", description = "The customer, now ACTIVE",
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "403", description = "A rep on a pool customer (claim it first)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The customer is not lost (`not-lost`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CustomerView reactivate(@PathParam("id") long id) {
        lifecycle.reactivate(id);
        return customers.get(id);
    }
}
