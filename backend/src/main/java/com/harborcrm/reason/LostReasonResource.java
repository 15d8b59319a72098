package com.harborcrm.reason;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.harborcrm.common.security.Roles;
import com.harborcrm.reason.LostReasonService.LostReasonList;

@Path("/api/v1/lost-reasons")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lost reasons")
@SecurityRequirement(name = "bearerJwt")
public class LostReasonResource {

    @Inject
    LostReasonService reasons;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "listLostReasons", summary = "The store's reasons for losing or releasing a customer",
            description = "In the store's order, archived ones included (flagged). New stores start with: product "
                    + "quality, price, service attitude, integrity, delivery, contact information lost, went to a "
                    + "competitor, no longer needs, other.")
    @APIResponse(responseCode = "200", description = "All reasons",
            content = @Content(schema = @Schema(implementation = LostReasonList.class)))
    public LostReasonList list() {
        return new LostReasonList(reasons.list(), null);
    }
}
