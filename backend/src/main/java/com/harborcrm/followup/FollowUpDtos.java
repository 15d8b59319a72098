package com.harborcrm.followup;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.common.web.Text;

public final class FollowUpDtos {

    public static final int MAX_CONTENT = 10_000;

    private FollowUpDtos() {
    }

    @Schema(name = "CreateFollowUpRequest")
    public record CreateFollowUpRequest(
            @NotNull @Schema(required = true) FollowUpType type,
            @NotBlank @Size(max = MAX_CONTENT) @Pattern(regexp = Text.NO_NUL, message = Text.NO_NUL_MESSAGE)
            @Schema(required = true, maxLength = MAX_CONTENT,
                    examples = "Sent the quotation for 2,000 hinges, FOB Ningbo") String content,
            @Schema(description = "When it happened; default now; never in the future") Instant occurredAt,
            @Schema(description = "When to follow up next (a reminder); after occurredAt") Instant nextFollowUpAt) {
    }

    @Schema(name = "UpdateFollowUpRequest", description = "JSON merge patch: members present change; "
            + "`nextFollowUpAt: null` removes the reminder.")
    public record UpdateFollowUpRequest(FollowUpType type, @Size(min = 1, max = MAX_CONTENT) String content,
            Instant occurredAt, Instant nextFollowUpAt) {
    }

    @Schema(name = "FollowUp")
    public record FollowUpView(
            @Schema(required = true) long id,
            @Schema(required = true) long customerId,
            @Schema(required = true) FollowUpType type,
            @Schema(required = true) String content,
            @Schema(required = true) Instant occurredAt,
            @Schema(nullable = true) Instant nextFollowUpAt,
            @Schema(required = true) long authorId,
            @Schema(required = true) String authorName,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt,
            @Schema(required = true) long version) {
    }

    @Schema(name = "FollowUpPage")
    public record FollowUpPage(@Schema(required = true) List<FollowUpView> items,
            @Schema(required = true, nullable = true) String nextCursor) {
    }
}
