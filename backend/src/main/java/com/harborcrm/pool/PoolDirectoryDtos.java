package com.harborcrm.pool;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.common.web.Text;

/** The store's pools (pools v2): what GET/POST/PUT /pools read and write. */
public final class PoolDirectoryDtos {

    private PoolDirectoryDtos() {
    }

    /** Most members named in one pool (a store's team, not its whole staff list, is the expected size). */
    public static final int MAX_MEMBERS = 1000;
    /** Most teams named in one pool. */
    public static final int MAX_TEAMS = 50;
    /** Most managers named for one pool. */
    public static final int MAX_MANAGERS = 50;
    /** Most customers moved in one request. */
    public static final int MAX_MOVE = 1000;

    @Schema(name = "Pool", description = "A pool of the store: customers without owner that its members may claim.")
    public record PoolView(
            @Schema(required = true) long id,
            @Schema(required = true, examples = "Main pool") String name,
            @Schema(required = true, description = "Open to every user of the store; else to memberIds only") boolean everyone,
            @Schema(required = true, description = "The store's first pool: new customers go here, it cannot be deleted")
            boolean isDefault,
            @Schema(required = true, description = "Users who see and claim in this pool (empty while everyone is true)")
            List<Long> memberIds,
            @Schema(required = true, description = "Teams (users' team labels, any letter case) whose users see and claim "
                    + "in this pool besides memberIds (empty while everyone is true)", examples = "[\"Export\"]")
            List<String> teams,
            @Schema(required = true, description = "Managers (role MANAGER) who change this pool's rules and "
                    + "distribution besides the admins") List<Long> managerIds,
            @Schema(required = true, description = "Customers in the pool now (without owner)") long customerCount,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true) Instant updatedAt,
            @Schema(required = true, description = "Sent back in If-Match to update") long version) {
    }

    @Schema(name = "PoolList")
    public record PoolList(@Schema(required = true) List<PoolView> items) {
    }

    @Schema(name = "PoolInput", description = "A pool's name, who belongs to it and who manages it.")
    public record PoolInput(
            @NotNull @Size(max = 80) @Schema(required = true, maxLength = 80, examples = "Middle East") String name,
            @Schema(description = "Open to every user of the store (memberIds then ignored); default false")
            Boolean everyone,
            @Size(max = MAX_MEMBERS) @Schema(description = "Active users of the store who belong to the pool")
            List<Long> memberIds,
            @Size(max = MAX_TEAMS) @Schema(description = "Teams whose users belong to the pool: a user's team label, "
                    + "matched in any letter case (so whoever joins the team later belongs too)")
            List<@NotBlank @Size(max = 80) @Pattern(regexp = Text.NO_NUL, message = Text.NO_NUL_MESSAGE) String> teams,
            @Size(max = MAX_MANAGERS) @Schema(description = "Active users with the MANAGER role who change this pool's "
                    + "rules and distribution besides the admins; absent: none")
            List<Long> managerIds) {
    }

    @Schema(name = "PoolMoveRequest", description = "Customers to put in the pool: unowned ones move now, owned ones "
            + "return there when released or returned.")
    public record MoveRequest(
            @NotNull @Size(min = 1, max = MAX_MOVE) @Schema(required = true) List<@NotNull Long> customerIds) {
    }

    @Schema(name = "PoolMoveResult")
    public record MoveResult(
            @Schema(required = true, description = "Customers now in the pool (those already there included)") List<Long> moved,
            @Schema(required = true, description = "Ids with no customer in this store") List<Long> notFound) {
    }
}
