package com.harborcrm.pool;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import com.harborcrm.customer.CustomerDtos.CustomerView;
import com.harborcrm.customer.CustomerService;
import com.harborcrm.pool.PoolDtos.ReleaseRequest;

/** Release lives under the customer's address but belongs to the pool feature. */
@Path("/api/v1/customers/{id}/release")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pool")
@SecurityRequirement(name = "bearerJwt")
public class CustomerReleaseResource {

    @Inject
    PoolService pool;

    @Inject
    CustomerService customers;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "releaseCustomer", summary = "Give a customer back to the pool",
            description = "By its owner, or a manager/admin, with a reason from the store's list (/lost-reasons). "
                    + "Recorded as OWNER_CHANGED, kind RELEASED, with reasonId and note; counts as abandonment in "
                    + "churn statistics and starts the previous owner's reclaim cooldown. It goes back to the pool it "
                    + "came from, or to the one named by poolId (then recorded as toPoolId).")
    @APIResponse(responseCode = "200", description = "The customer, now in the pool",
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", description = "Missing or unknown reason, or a pool the caller may not use (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The customer is already in the pool (`already-in-pool`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CustomerView release(@PathParam("id") long id, @Valid @NotNull ReleaseRequest body) {
        pool.release(id, body);
        return customers.get(id);
    }
}
