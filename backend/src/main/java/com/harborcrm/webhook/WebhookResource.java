package com.harborcrm.webhook;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import com.harborcrm.webhook.WebhookDtos.CreateWebhookRequest;
import com.harborcrm.webhook.WebhookDtos.CreatedWebhook;
import com.harborcrm.webhook.WebhookDtos.DeliveryDetail;
import com.harborcrm.webhook.WebhookDtos.DeliveryPage;
import com.harborcrm.webhook.WebhookDtos.DeliveryStatus;
import com.harborcrm.webhook.WebhookDtos.DeliveryView;
import com.harborcrm.webhook.WebhookDtos.UpdateWebhookRequest;
import com.harborcrm.webhook.WebhookDtos.WebhookPage;
import com.harborcrm.webhook.WebhookDtos.WebhookView;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@SecurityRequirement(name = "bearerJwt")
public class WebhookResource {

    private static final String NOT_FOUND = "No such webhook in this store";

    @Inject
    WebhookService webhooks;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "listWebhooks", summary = "The store's webhook subscriptions, newest first",
            description = "Admins, and API keys with webhooks:manage. Never a secret.")
    @APIResponse(responseCode = "200", description = "A page of subscriptions",
            content = @Content(schema = @Schema(implementation = WebhookPage.class)))
    public WebhookPage list(
            @QueryParam("limit") @Parameter(description = "Page size, default 50, at most 200",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        var page = webhooks.list(PageLimit.parse(limit), cursor);
        return new WebhookPage(page.items(), page.nextCursor());
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "createWebhook", summary = "Subscribe an endpoint to events",
            description = "Harbor POSTs each event to the URL as JSON `{type, timestamp, data}`, signed as the "
                    + "Standard Webhooks specification says (`webhook-id`, `webhook-timestamp`, `webhook-signature` "
                    + "= `v1,` + base64 HMAC-SHA256 of `id.timestamp.body` with the secret). A 2xx answer within 10 s "
                    + "is a delivery; anything else is retried with growing waits for 24 h. One customer's events "
                    + "arrive in order. An endpoint failing every attempt for 3 days is disabled. The URL must be "
                    + "https:// on a public address; redirects are not followed. The secret is in this answer only.")
    @APIResponse(responseCode = "201", description = "Subscribed; `secret` signs its deliveries",
            headers = @Header(name = "Location"), content = @Content(schema = @Schema(implementation = CreatedWebhook.class)))
    @APIResponse(responseCode = "409", description = "The store holds the most webhooks it may (`conflict`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CreateWebhookRequest body) {
        CreatedWebhook created = webhooks.create(body);
        return Response.created(URI.create("/api/v1/webhooks/" + created.webhook().id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "getWebhook", summary = "One webhook subscription, without its secret")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookView get(@PathParam("id") long id) {
        return webhooks.get(id);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "updateWebhook", summary = "Change a subscription, pause it or enable it again",
            description = "Members left out stay as they are. `enabled: true` on a disabled subscription forgets "
                    + "its failures and sends its pending deliveries again.")
    @APIResponse(responseCode = "200", description = "The subscription as it is now",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookView update(@PathParam("id") long id, @Valid @NotNull UpdateWebhookRequest body) {
        return webhooks.update(id, body);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "deleteWebhook", summary = "Delete a subscription with its delivery log",
            description = "Pending deliveries are dropped.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") long id) {
        webhooks.delete(id);
    }

    @POST
    @Path("/{id}/test")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "sendWebhookTestEvent", summary = "Send a test event to this endpoint",
            description = "Queues a signed `webhook.test` event for this subscription only; it goes out within a "
                    + "second or two, and the delivery log shows the endpoint's answer.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The subscription is disabled (`conflict`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response sendTest(@PathParam("id") long id) {
        return Response.accepted(webhooks.sendTest(id)).build();
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "listWebhookDeliveries", summary = "A subscription's delivery log, newest first",
            description = "Kept 30 days after delivery or failure.")
    @APIResponse(responseCode = "200", description = "A page of deliveries",
            content = @Content(schema = @Schema(implementation = DeliveryPage.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeliveryPage deliveries(@PathParam("id") long id,
            @QueryParam("status") @Parameter(description = "Only deliveries in this status") DeliveryStatus status,
            @QueryParam("limit") @Parameter(description = "Page size, default 50, at most 200",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        var page = webhooks.deliveries(id, status, PageLimit.parse(limit), cursor);
        return new DeliveryPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "getWebhookDelivery", summary = "One delivery: the body sent and every attempt")
    @APIResponse(responseCode = "200", description = "The delivery",
            content = @Content(schema = @Schema(implementation = DeliveryDetail.class)))
    @APIResponse(responseCode = "404", description = "No such delivery of this webhook",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeliveryDetail delivery(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
        return webhooks.deliveryDetail(id, deliveryId);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Operation(operationId = "redeliverWebhook", summary = "Send a delivery again",
            description = "As the same message (same `webhook-id`), due now with a fresh 24-hour retry window.")
    @APIResponse(responseCode = "202", description = "Queued again",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such delivery of this webhook",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The subscription is disabled (`conflict`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response redeliver(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
        return Response.accepted(webhooks.redeliver(id, deliveryId)).build();
    }
}
