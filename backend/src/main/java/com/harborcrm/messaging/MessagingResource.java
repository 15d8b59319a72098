package com.harborcrm.messaging;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.harborcrm.common.error.Problem;
import com.harborcrm.common.security.Roles;
import com.harborcrm.common.web.ETags;
import com.harborcrm.messaging.MessagingDtos.InboundSecret;
import com.harborcrm.messaging.MessagingDtos.PlaceholderList;
import com.harborcrm.messaging.MessagingDtos.PreviewRequest;
import com.harborcrm.messaging.MessagingDtos.Rendered;
import com.harborcrm.messaging.MessagingDtos.SettingsView;
import com.harborcrm.messaging.MessagingDtos.TemplateList;
import com.harborcrm.messaging.MessagingDtos.TemplateRequest;
import com.harborcrm.messaging.MessagingDtos.TemplateView;
import com.harborcrm.messaging.MessagingDtos.TestMessageRequest;
import com.harborcrm.messaging.MessagingDtos.TestMessageResult;
import com.harborcrm.messaging.MessagingDtos.UpdateSettingsRequest;

@Path("/api/v1/messaging")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Messaging")
@SecurityRequirement(name = "bearerJwt")
public class MessagingResource {

    @Inject
    MessagingSettingsService settings;

    @Inject
    TestMessageSender test;

    @Inject
    TemplateService templates;

    @Inject
    InboundService inbound;

    /** The inbound endpoints' answer: whether the message was matched to a customer. */
    @Schema(name = "InboundResult")
    public record InboundAnswer(@Schema(required = true) boolean matched,
            @Schema(nullable = true) Long customerId) {
    }

    /** The form fields Harbor reads from the SMS provider's callbacks (others are accepted and ignored). */
    @Schema(name = "SmsCallbackForm")
    public record SmsCallbackForm(
            @Schema(maxLength = 64, description = "The provider's id of the message") String MessageSid,
            @Schema(maxLength = 32, description = "queued, sent, delivered, undelivered, failed, received") String MessageStatus,
            @Schema(maxLength = 16) String ErrorCode,
            @Schema(maxLength = 32, description = "An inbound SMS: the sender's number") String From,
            @Schema(maxLength = 32) String To,
            @Schema(maxLength = 1600, description = "An inbound SMS: its text") String Body) {
    }

    @GET
    @Path("/settings")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "getMessagingSettings", summary = "The store's e-mail and SMS channels",
            description = "Admins only. Passwords and tokens are never returned.")
    @APIResponse(responseCode = "200", description = "The settings", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    public Response getSettings() {
        SettingsView view = settings.view();
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @PUT
    @Path("/settings")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateMessagingSettings", summary = "Set up the store's e-mail and SMS channels",
            description = "An enabled channel must be complete. `email.password` and `sms.token` left out keep the "
                    + "stored secret; an empty string removes it. Secrets are stored encrypted.")
    @APIResponse(responseCode = "200", description = "The settings as they are now", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = SettingsView.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The server has no encryption key to store a secret with",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response updateSettings(
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the settings being replaced") String ifMatch,
            @Valid @NotNull UpdateSettingsRequest body) {
        SettingsView view = settings.update(body, ETags.parseIfMatch(ifMatch));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @POST
    @Path("/settings/test")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "sendTestMessage", summary = "Send a test e-mail or SMS through the store's channel",
            description = "Sent at once; nothing is recorded. The answer says whether the server or provider took it.")
    @APIResponse(responseCode = "200", description = "The server or provider took it",
            content = @Content(schema = @Schema(implementation = TestMessageResult.class)))
    @APIResponse(responseCode = "409", description = "The channel is not set up (`messaging-channel-off`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "The server or provider refused it or could not be reached "
            + "(`delivery-failed`); `detail` says what it answered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TestMessageResult sendTest(@Valid @NotNull TestMessageRequest body) {
        return test.send(body);
    }

    @POST
    @Path("/settings/inbound-secret")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "rotateInboundSecret", summary = "Make a new signing secret for inbound e-mail events",
            description = "Shown in this answer only; the previous secret stops working.")
    @APIResponse(responseCode = "200", description = "The secret and the URL to give the mail provider",
            content = @Content(schema = @Schema(implementation = InboundSecret.class)))
    public InboundSecret rotateInboundSecret() {
        return settings.rotateInboundSecret();
    }

    @GET
    @Path("/templates")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "listMessageTemplates", summary = "The store's message templates")
    @APIResponse(responseCode = "200", description = "Every template, by name",
            content = @Content(schema = @Schema(implementation = TemplateList.class)))
    public TemplateList listTemplates() {
        return new TemplateList(templates.list());
    }

    @POST
    @Path("/templates")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "createMessageTemplate", summary = "Add a message template",
            description = "Managers and admins. Placeholders are checked now: an unknown one is a field error "
                    + "(code UNKNOWN, `allowed` lists the placeholders).")
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "409", description = "The store has 200 templates (`conflict`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createTemplate(@Valid @NotNull TemplateRequest body) {
        TemplateView view = templates.create(body);
        return Response.created(URI.create("/api/v1/messaging/templates/" + view.id())).entity(view)
                .tag(ETags.of(view.version())).build();
    }

    @GET
    @Path("/templates/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "getMessageTemplate", summary = "One message template")
    @APIResponse(responseCode = "200", description = "The template", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "404", description = "No such template in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getTemplate(@PathParam("id") long id) {
        TemplateView view = templates.get(id);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @PUT
    @Path("/templates/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "replaceMessageTemplate", summary = "Change a message template",
            description = "Campaigns already sending keep the copy they started with.")
    @APIResponse(responseCode = "200", description = "The template as it is now", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "404", description = "No such template in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replaceTemplate(@PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the version being replaced") String ifMatch,
            @Valid @NotNull TemplateRequest body) {
        TemplateView view = templates.replace(id, body, ETags.parseIfMatch(ifMatch));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @DELETE
    @Path("/templates/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "deleteMessageTemplate", summary = "Delete a message template no campaign uses")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such template in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Campaigns use it (`template-in-use`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void deleteTemplate(@PathParam("id") long id) {
        templates.delete(id);
    }

    @GET
    @Path("/placeholders")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "listPlaceholders", summary = "The placeholders templates may use",
            description = "The fixed ones and one `cf.<key>` per custom field of the store.")
    @APIResponse(responseCode = "200", description = "The placeholders",
            content = @Content(schema = @Schema(implementation = PlaceholderList.class)))
    public PlaceholderList placeholders() {
        return new PlaceholderList(templates.placeholders());
    }

    @POST
    @Path("/preview")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "previewMessage", summary = "Render a text for one customer",
            description = "A template's subject and body (saved or not) with the customer's values, as the e-mail's "
                    + "text and HTML parts or the SMS. Nothing is sent.")
    @APIResponse(responseCode = "200", description = "The rendered message",
            content = @Content(schema = @Schema(implementation = Rendered.class)))
    @APIResponse(responseCode = "404", description = "No such customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Rendered preview(@Valid @NotNull PreviewRequest body) {
        return templates.preview(body);
    }

    @POST
    @PermitAll
    @SecurityRequirementsSet
    @Path("/inbound/{hookKey}/sms")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Tag(name = "Messaging")
    @Operation(operationId = "receiveSmsCallback", summary = "The SMS provider's status callbacks and inbound SMS",
            description = "Signed with `X-Twilio-Signature` (HMAC-SHA1 of this URL and the sorted form parameters, "
                    + "keyed by the store's SMS token). `MessageSid` + `MessageStatus`: a delivery report. `From` + "
                    + "`Body`: an SMS from a customer, recorded as a follow-up and an inquiry; STOP withdraws SMS consent.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = SmsCallbackForm.class)))
    @APIResponse(responseCode = "200", description = "Taken",
            content = @Content(schema = @Schema(implementation = InboundAnswer.class)))
    @APIResponse(responseCode = "401", description = "The signature is missing or wrong; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such endpoint",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InboundAnswer sms(@PathParam("hookKey") String hookKey,
            @HeaderParam("X-Twilio-Signature") @Parameter(description = "The provider's signature") String signature,
            MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        if (form != null) {
            form.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
        }
        var result = inbound.sms(hookKey, values, signature);
        return new InboundAnswer(result.matched(), result.customerId());
    }

    @POST
    @PermitAll
    @SecurityRequirementsSet
    @Path("/inbound/{hookKey}/email")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Messaging")
    @Operation(operationId = "receiveEmailEvent", summary = "The mail provider's events: inbound mail, delivered, bounced",
            description = "JSON `{type: inbound, from, subject, text}` or `{type: delivered|bounced|failed, messageId, "
                    + "reason}`, signed as Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`) "
                    + "with the store's inbound secret; older than 5 minutes is refused. Mail from a customer's "
                    + "address becomes a follow-up and an inquiry.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MessagingDtos.InboundEmailEvent.class)))
    @APIResponse(responseCode = "200", description = "Taken",
            content = @Content(schema = @Schema(implementation = InboundAnswer.class)))
    @APIResponse(responseCode = "401", description = "The signature is missing, stale or wrong; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such endpoint",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InboundAnswer email(@PathParam("hookKey") String hookKey,
            @HeaderParam("webhook-id") @Parameter(description = "Unique per event") String id,
            @HeaderParam("webhook-timestamp") @Parameter(description = "Seconds since the epoch") String timestamp,
            @HeaderParam("webhook-signature") @Parameter(description = "`v1,` + base64 HMAC-SHA256 of id.timestamp.body")
            String signature,
            String body) {
        var result = inbound.email(hookKey, id, timestamp, signature, body == null ? "" : body);
        return new InboundAnswer(result.matched(), result.customerId());
    }
}
