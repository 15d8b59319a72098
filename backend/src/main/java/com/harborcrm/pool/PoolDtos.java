package com.harborcrm.pool;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.common.web.Text;

/** Request and response bodies of the pool. */
public final class PoolDtos {

    public static final int MAX_BATCH = 100;

    private PoolDtos() {
    }

    @Schema(name = "ClaimRequest")
    public record ClaimRequest(
            @NotNull @Size(min = 1, max = MAX_BATCH) @Schema(required = true, description = "1 to 100 pool customers")
            List<@NotNull Long> customerIds) {
    }

    @Schema(name = "ClaimFailureReason", description = "ALREADY_OWNED: someone (or you) owns it; LIMIT_REACHED: "
            + "the private-customer limit is full; DAILY_LIMIT: today's claims are used up (store time zone); "
            + "COOLDOWN: you released it or lost it to auto-return too recently; NOT_FOUND: no such customer.")
    public enum FailureReason {
        ALREADY_OWNED, LIMIT_REACHED, DAILY_LIMIT, COOLDOWN, NOT_FOUND
    }

    @Schema(name = "PoolFailure")
    public record Failure(@Schema(required = true) long id, @Schema(required = true) FailureReason reason) {
    }

    @Schema(name = "ClaimResult")
    public record ClaimResult(@Schema(required = true) List<Long> claimed, @Schema(required = true) List<Failure> failed) {
    }

    @Schema(name = "AssignRequest")
    public record AssignRequest(
            @NotNull @Size(min = 1, max = MAX_BATCH) @Schema(required = true) List<@NotNull Long> customerIds,
            @NotNull @Schema(required = true, description = "An active user of the store") Long userId,
            @Schema(description = "ADMIN only: ignore the target's private-customer limit") Boolean override) {
    }

    @Schema(name = "AssignResult")
    public record AssignResult(@Schema(required = true) List<Long> assigned, @Schema(required = true) List<Failure> failed) {
    }

    @Schema(name = "ReleaseRequest")
    public record ReleaseRequest(
            @NotNull @Schema(required = true, description = "A current reason of the store (see /lost-reasons)") Long reasonId,
            @Size(max = 500) @Pattern(regexp = Text.NO_NUL, message = Text.NO_NUL_MESSAGE) String note,
            @Schema(description = "Another pool to put the customer in (one the caller belongs to, GET /pools); "
                    + "default: the pool it came from") Long poolId) {

        public ReleaseRequest(Long reasonId, String note) {
            this(reasonId, note, null);
        }
    }

    @Schema(name = "PoolReturnRule")
    public enum ReturnRule {
        NO_FOLLOW_UP, NO_DEAL
    }

    @Schema(name = "PoolReturn", description = "When this private customer goes back to the pool unless followed up "
            + "(NO_FOLLOW_UP, counted from the later of the last follow-up and when it was claimed or assigned) or "
            + "brought to TRANSACTION (NO_DEAL, counted from when it was claimed or assigned). The earliest applies.")
    public record PoolReturn(@Schema(required = true) Instant at, @Schema(required = true) ReturnRule rule,
            @Schema(required = true, description = "Whole days left, rounded up; 0 when due") int daysLeft) {
    }

    @Schema(name = "SweepResult")
    public record SweepResult(@Schema(required = true) int returned, @Schema(required = true) int warned,
            @Schema(required = true, description = "Managers newly copied on a customer about to return "
                    + "(the pools' escalation days)") int escalated,
            @Schema(required = true) int purged,
            @Schema(required = true, description = "Customers whose potential score lost the points of a follow-up "
                    + "that is no longer recent") int rescored,
            @Schema(required = true, description = "true: another sweep of this store was running; nothing done") boolean skipped) {
    }

    @Schema(name = "RepCount")
    public record RepCount(@Schema(required = true) long userId, @Schema(required = true) String userName,
            @Schema(required = true) long count) {
    }

    @Schema(name = "PreviewWindow")
    public record PreviewWindow(@Schema(required = true) long total, @Schema(required = true) List<RepCount> byRep) {
    }

    @Schema(name = "PoolRulesPreview", description = "Private customers that would return to the pool under the "
            + "candidate rules: `today` by the end of today (store time zone, overdue included), `tomorrow` during "
            + "tomorrow, `within7Days` within 7 days from now (overdue included).")
    public record Preview(@Schema(required = true) PreviewWindow today, @Schema(required = true) PreviewWindow tomorrow,
            @Schema(required = true) PreviewWindow within7Days) {
    }
}
