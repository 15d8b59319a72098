package com.harborcrm.messaging;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import com.harborcrm.messaging.MessagingDtos.ConsentView;
import com.harborcrm.messaging.MessagingDtos.MessagePage;
import com.harborcrm.messaging.MessagingDtos.MessageView;
import com.harborcrm.messaging.MessagingDtos.SendMessageRequest;
import com.harborcrm.messaging.MessagingDtos.UpdateConsentRequest;

@Path("/api/v1/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Messaging")
@SecurityRequirement(name = "bearerJwt")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
public class CustomerMessageResource {

    private static final String NOT_FOUND = "No such customer visible to the caller";

    @Inject
    MessageService messages;

    @Inject
    ConsentService consents;

    @POST
    @Path("/messages")
    @Operation(operationId = "sendMessage", summary = "Send the customer an e-mail or SMS",
            description = "From a template or written here; placeholders are filled from the customer file. Reps send "
                    + "to their own customers, managers to any. Sent at once: when the server takes it the message "
                    + "is SENT and recorded as a follow-up (EMAIL or SMS) that resets the pool timer; when it fails "
                    + "it is retried twice and then FAILED, with `error` saying why.")
    @APIResponse(responseCode = "201", description = "The message, as it stands after the first attempt",
            headers = @Header(name = "Location"), content = @Content(schema = @Schema(implementation = MessageView.class)))
    @APIResponse(responseCode = "403", description = "A rep and a pool customer: claim it first",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The channel is not set up (`messaging-channel-off`) or the "
            + "customer has no address for it (`no-address`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "The store's daily limit for the channel is reached (`daily-send-limit`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response send(@PathParam("id") long id, @Valid @NotNull SendMessageRequest body) {
        MessageView view = messages.send(id, body);
        return Response.created(URI.create("/api/v1/customers/" + id + "/messages")).entity(view).build();
    }

    @GET
    @Path("/messages")
    @Operation(operationId = "listCustomerMessages", summary = "The customer's e-mails and SMS, sent and received, newest first",
            description = "A rep sees none for a pool customer.")
    @APIResponse(responseCode = "200", description = "A page of messages",
            content = @Content(schema = @Schema(implementation = MessagePage.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MessagePage list(@PathParam("id") long id,
            @QueryParam("limit") @Parameter(description = "Page size, default 50, at most 200",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        var page = messages.list(id, PageLimit.parse(limit), cursor);
        return new MessagePage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/consent")
    @Operation(operationId = "getConsent", summary = "Whether the customer agreed to campaigns, per channel")
    @APIResponse(responseCode = "200", description = "The consent",
            content = @Content(schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConsentView getConsent(@PathParam("id") long id) {
        return consents.get(id);
    }

    @PUT
    @Path("/consent")
    @Operation(operationId = "updateConsent", summary = "Record the customer's consent to campaigns",
            description = "`emailOptIn`/`smsOptIn` present change; the source is MANUAL (API for API keys).")
    @APIResponse(responseCode = "200", description = "The consent as it is now",
            content = @Content(schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "403", description = "A rep and a pool customer: claim it first",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConsentView updateConsent(@PathParam("id") long id, @Valid @NotNull UpdateConsentRequest body) {
        return consents.update(id, body);
    }
}
