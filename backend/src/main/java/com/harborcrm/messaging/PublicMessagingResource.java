package com.harborcrm.messaging;


import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.Problem;
import com.harborcrm.messaging.MessagingDtos.UnsubscribeStatus;

/** One-click unsubscribe: reached from an e-mail, without signing in. */
@Path("/api/v1/unsubscribe")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicMessagingResource {

    private static final String NO_LINK = "No such unsubscribe link (mistyped, or the customer was deleted)";

    @Inject
    ConsentService consents;

    @GET
    @Path("/{token}")
    @Tag(name = "Messaging")
    @Operation(operationId = "getUnsubscribe", summary = "What an unsubscribe link is about",
            description = "No sign-in: the token in the e-mail is the credential. Changes nothing.")
    @APIResponse(responseCode = "200", description = "The store, channel and address (partly hidden)",
            content = @Content(schema = @Schema(implementation = UnsubscribeStatus.class)))
    @APIResponse(responseCode = "404", description = NO_LINK,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UnsubscribeStatus unsubscribeStatus(@PathParam("token") String token) {
        return consents.unsubscribe(token, false).orElseThrow(() -> DomainException.notFound("Unsubscribe link"));
    }

    @POST
    @Path("/{token}")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Tag(name = "Messaging")
    @Operation(operationId = "unsubscribe", summary = "Unsubscribe from a store's campaigns (one click)",
            description = "The target of `List-Unsubscribe` (RFC 8058: mail clients POST "
                    + "`List-Unsubscribe=One-Click`) and of the landing page's button. Idempotent.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    maxLength = 100, examples = "List-Unsubscribe=One-Click")))
    @APIResponse(responseCode = "200", description = "Unsubscribed",
            content = @Content(schema = @Schema(implementation = UnsubscribeStatus.class)))
    @APIResponse(responseCode = "404", description = NO_LINK,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UnsubscribeStatus unsubscribe(@PathParam("token") String token, String ignored) {
        return consents.unsubscribe(token, true).orElseThrow(() -> DomainException.notFound("Unsubscribe link"));
    }
}
