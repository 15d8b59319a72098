package com.harborcrm.inquiry;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.harborcrm.common.error.Problem;
import com.harborcrm.common.paging.PageLimit;
import com.harborcrm.common.security.Roles;
import com.harborcrm.inquiry.InquiryDtos.InboxPage;
import com.harborcrm.inquiry.InquiryDtos.InquiryRequest;
import com.harborcrm.inquiry.InquiryDtos.InquiryResult;

import io.micrometer.core.instrument.MeterRegistry;

@Path("/api/v1/inquiries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inquiries")
@SecurityRequirement(name = "bearerJwt")
public class InquiryResource {

    static final String REPLAYED = "Idempotent-Replayed";

    @Inject
    InquiryService inquiries;

    @Inject
    MeterRegistry registry;

    @Inject
    InquiryInbox inbox;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "receiveInquiry", summary = "Take in an inbound inquiry (marketplaces, IM bots)",
            description = "Matches the contact against the store's customers on the normalized email (lower-case, "
                    + "+tag removed), phone and mobile digits (at least 6, any against any) and IM accounts. A match "
                    + "is a repeat inquiry (200): counted on that customer (inquiryCount, lastInquiryAt, potential "
                    + "score), recorded on its timeline (INQUIRY_RECEIVED) and, if it has an owner, a REPEAT_INQUIRY "
                    + "reminder for them; the answer says whether the owner changed since the previous inquiry. "
                    + "When several customers match, the one matching on most keys (then the oldest) gets it. "
                    + "Otherwise a new customer (201) of stage INQUIRY, source from the channel, in the pool unless "
                    + "assignTo names an active user. Requires an Idempotency-Key: a retry with the same key and "
                    + "body answers the first answer again, with the same status and the header "
                    + "Idempotent-Replayed: true; the same key with another body answers 422.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = InquiryRequest.class)))
    @APIResponse(responseCode = "200", description = "A repeat inquiry of an existing customer",
            headers = @Header(name = REPLAYED, description = "true on a replayed answer"),
            content = @Content(schema = @Schema(implementation = InquiryResult.class)))
    @APIResponse(responseCode = "201", description = "A new buyer: a customer was created",
            headers = {@Header(name = "Location", description = "The new customer"),
                    @Header(name = REPLAYED, description = "true on a replayed answer")},
            content = @Content(schema = @Schema(implementation = InquiryResult.class)))
    @APIResponse(responseCode = "400", description = "Missing or invalid Idempotency-Key, invalid fields, "
            + "assignTo not an active user (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body "
            + "(`idempotency-key-reused`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receive(
            @HeaderParam(IdempotencyKeys.HEADER) @Parameter(required = true, description = "A unique string per "
                    + "inquiry (1-200 visible ASCII characters), e.g. a UUID or the marketplace's inquiry id")
            String idempotencyKey,
            @NotNull ObjectNode body) {
        InquiryService.Outcome outcome = inquiries.receive(idempotencyKey, body);
        if (!outcome.replayed()) {
            registry.counter("harbor.inquiries", "repeat", String.valueOf(outcome.repeat())).increment();
        }
        Response.ResponseBuilder response = Response.status(outcome.status()).entity(outcome.body());
        if (outcome.status() == 201) {
            response.location(URI.create("/api/v1/customers/" + outcome.body().path("customerId").asLong()));
        }
        if (outcome.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Operation(operationId = "listInquiries", summary = "The store's inquiry inbox, newest first",
            description = "Every inquiry with the customer it went to and its owner now, and whether the buyer's "
                    + "owner had changed since their previous inquiry. Reps see those of their own customers and of "
                    + "the pool (contact details masked per the pool rules).")
    @APIResponse(responseCode = "200", description = "A page of inquiries",
            content = @Content(schema = @Schema(implementation = InboxPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or cursor, every field at once "
            + "(`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InboxPage list(
            @QueryParam("channel") @Parameter(schema = @Schema(implementation = InquiryChannel.class)) String channel,
            @QueryParam("repeat") @Parameter(description = "true: returning buyers only; false: new buyers only",
                    schema = @Schema(type = SchemaType.BOOLEAN)) String repeat,
            @QueryParam("ownerChanged") @Parameter(description = "true: only inquiries whose buyer's owner had "
                    + "changed since their previous inquiry", schema = @Schema(type = SchemaType.BOOLEAN))
            String ownerChanged,
            @QueryParam("from") @Parameter(description = "First day received, in the store's time zone",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String from,
            @QueryParam("to") @Parameter(description = "Last day received (inclusive), in the store's time zone",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) String to,
            @QueryParam("limit") @Parameter(description = "Page size, default 50, at most 200",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        InquiryInbox.Filter filter = InquiryInbox.Filter.parse(channel, repeat, ownerChanged, from, to);
        var page = inbox.list(filter, PageLimit.parse(limit), cursor);
        return new InboxPage(page.items(), page.nextCursor());
    }
}
