package com.harborcrm.messaging;

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

import com.harborcrm.common.error.Problem;
import com.harborcrm.common.paging.PageLimit;
import com.harborcrm.common.security.Roles;
import com.harborcrm.common.web.ETags;
import com.harborcrm.messaging.MessagingDtos.CampaignPage;
import com.harborcrm.messaging.MessagingDtos.CampaignRequest;
import com.harborcrm.messaging.MessagingDtos.CampaignView;
import com.harborcrm.messaging.MessagingDtos.DryRun;
import com.harborcrm.messaging.MessagingDtos.MessagePage;

@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns")
@SecurityRequirement(name = "bearerJwt")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
public class CampaignResource {

    private static final String NOT_FOUND = "No such campaign in this store";

    @Inject
    CampaignService campaigns;

    @GET
    @Operation(operationId = "listCampaigns", summary = "The store's campaigns, newest first")
    @APIResponse(responseCode = "200", description = "A page of campaigns with their counts",
            content = @Content(schema = @Schema(implementation = CampaignPage.class)))
    public CampaignPage list(
            @QueryParam("limit") @Parameter(description = "Page size, default 50, at most 200",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        var page = campaigns.list(PageLimit.parse(limit), cursor);
        return new CampaignPage(page.items(), page.nextCursor());
    }

    @POST
    @Operation(operationId = "createCampaign", summary = "Draft a campaign",
            description = "A template (its channel is the campaign's) and a segment: a screening filter, a saved view "
                    + "or customer ids. Nothing is sent until `send`.")
    @APIResponse(responseCode = "201", description = "The draft", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    public Response create(@Valid @NotNull CampaignRequest body) {
        CampaignView view = campaigns.create(body);
        return Response.created(URI.create("/api/v1/campaigns/" + view.id())).entity(view).tag(ETags.of(view.version()))
                .build();
    }

    @POST
    @Path("/dry-run")
    @Operation(operationId = "dryRunCampaign", summary = "Who a campaign would reach now, without sending",
            description = "Recipients, those left out by reason (no address, no consent, unsubscribed, duplicate "
                    + "address) and the first recipient's rendered copy.")
    @APIResponse(responseCode = "200", description = "The dry run",
            content = @Content(schema = @Schema(implementation = DryRun.class)))
    public DryRun dryRun(@Valid @NotNull CampaignRequest body) {
        return campaigns.dryRun(body);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getCampaign", summary = "One campaign with its progress")
    @APIResponse(responseCode = "200", description = "The campaign", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") long id) {
        CampaignView view = campaigns.get(id);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "replaceCampaign", summary = "Change a draft")
    @APIResponse(responseCode = "200", description = "The draft as it is now", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It is no longer a draft (`campaign-state`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the version being replaced") String ifMatch,
            @Valid @NotNull CampaignRequest body) {
        CampaignView view = campaigns.replace(id, body, ETags.parseIfMatch(ifMatch));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteCampaign", summary = "Delete a draft")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It was sent or scheduled (`campaign-state`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") long id) {
        campaigns.delete(id);
    }

    @POST
    @Path("/{id}/send")
    @Operation(operationId = "sendCampaign", summary = "Send a draft now, or schedule it for its time",
            description = "Now: every recipient is written at once (QUEUED or SKIPPED with why) and the campaign is "
                    + "SENDING at the store's rate. A future `scheduledAt`: SCHEDULED until then.")
    @APIResponse(responseCode = "200", description = "The campaign, SENDING or SCHEDULED",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already sent or scheduled (`campaign-state`), or the "
            + "channel is not set up (`messaging-channel-off`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CampaignView send(@PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the version being sent") String ifMatch) {
        return campaigns.send(id, ETags.parseIfMatch(ifMatch));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(operationId = "cancelCampaign", summary = "Stop a scheduled or sending campaign",
            description = "What has not gone yet is CANCELLED; messages in flight finish.")
    @APIResponse(responseCode = "200", description = "The campaign, CANCELLED",
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Neither scheduled nor sending (`campaign-state`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CampaignView cancel(@PathParam("id") long id) {
        return campaigns.cancel(id, null);
    }

    @GET
    @Path("/{id}/recipients")
    @Operation(operationId = "listCampaignRecipients", summary = "A campaign's recipients and what became of each")
    @APIResponse(responseCode = "200", description = "A page of messages, newest first",
            content = @Content(schema = @Schema(implementation = MessagePage.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MessagePage recipients(@PathParam("id") long id,
            @QueryParam("status") @Parameter(description = "Only recipients of this status") MessageStatus status,
            @QueryParam("limit") @Parameter(description = "Page size, default 50, at most 200",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        var page = campaigns.recipients(id, status, PageLimit.parse(limit), cursor);
        return new MessagePage(page.items(), page.nextCursor());
    }
}
