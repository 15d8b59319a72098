package com.harborcrm.account;

import java.time.Instant;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.harborcrm.common.security.Role;
import com.harborcrm.common.web.Text;

/** Request and response bodies of the account feature. */
public final class AccountDtos {

    private AccountDtos() {
    }

    @Schema(name = "SignupRequest")
    public record SignupRequest(
            @NotBlank @Size(max = 120) @Schema(required = true, examples = "Ningbo Harbor Trading") String storeName,
            @NotBlank @Size(max = 120) @Schema(required = true, examples = "Li Wei") String name,
            @NotBlank @Email @Size(max = 254) @Schema(required = true, examples = "li.wei@example.com") String email,
            @NotNull @Size(min = 8, max = 72) @Schema(required = true, format = "password", minLength = 8, maxLength = 72) String password,
            @Size(max = 64) @Schema(description = "IANA time zone of the store; decides its calendar days. Default UTC.",
                    examples = "Asia/Shanghai") String timeZone,
            @Schema(description = "The store's language: the lost reasons Harbor creates are named in it. Default en.")
            StoreLanguage language) {

        public SignupRequest(String storeName, String name, String email, String password, String timeZone) {
            this(storeName, name, email, password, timeZone, null);
        }
    }

    @Schema(name = "LoginRequest")
    public record LoginRequest(
            @NotBlank @Size(max = 254) @Schema(required = true) String email,
            @NotNull @Size(max = 72) @Schema(required = true, format = "password") String password) {
    }

    /** A colleague as managers see them when they pick an owner: no email, no account details. */
    @Schema(name = "TeamMember")
    public record TeamMember(
            @Schema(required = true) long id,
            @Schema(required = true) String name,
            @Schema(required = true) Role role,
            @Schema(nullable = true, description = "The user's team label (pools may name a team as members)") String team) {

        static TeamMember of(User user) {
            return new TeamMember(user.id, user.name, user.role, user.team);
        }
    }

    @Schema(name = "User", description = "A sub-account of the store.")
    public record UserView(
            @Schema(required = true) long id,
            @Schema(required = true) String name,
            @Schema(required = true) String email,
            @Schema(required = true) Role role,
            @Schema(required = true) boolean active,
            @Schema(nullable = true, description = "The team the user belongs to (a label), for the activity filters") String team,
            @Schema(nullable = true, description = "Planned leave: automatic distribution skips the user on these days")
            Leave leave,
            @Schema(nullable = true, description = "The user's manager: the escalation ladder copies them on the "
                    + "user's customers about to return to the pool") Long managerId,
            @Schema(required = true) Instant createdAt,
            @Schema(required = true, description = "Send it back in If-Match to update") long version) {

        static UserView of(User user) {
            return new UserView(user.id, user.name, user.email, user.role, user.active, user.team,
                    user.leaveFrom == null ? null : new Leave(user.leaveFrom, user.leaveUntil), user.managerId, user.createdAt,
                    user.version);
        }
    }

    @Schema(name = "Store")
    public record StoreView(
            @Schema(required = true) long id,
            @Schema(required = true) String name,
            @Schema(required = true, examples = "Asia/Shanghai") String timeZone,
            @Schema(required = true) StoreLanguage language) {

        static StoreView of(Store store) {
            return new StoreView(store.id, store.name, store.timeZone, StoreLanguage.of(store.language));
        }
    }

    @Schema(name = "UpdateStoreRequest", description = "Only the fields present change.")
    public record UpdateStoreRequest(
            @Size(min = 1, max = 120) @Pattern(regexp = Text.NO_NUL, message = Text.NO_NUL_MESSAGE)
            @Schema(nullable = false, examples = "Ningbo Harbor Trading") String name,
            @Size(max = 64) @Schema(nullable = false, description = "IANA time zone; the store's days (daily claim "
                    + "limits, reminders, statistics by day) follow it from now on", examples = "Asia/Shanghai")
            String timeZone,
            @Schema(nullable = false, description = "For names Harbor creates from now on; existing names stay")
            StoreLanguage language) {
    }

    @Schema(name = "ChangePasswordRequest")
    public record ChangePasswordRequest(
            @NotNull @Size(max = 72) @Schema(required = true, format = "password") String currentPassword,
            @NotNull @Size(min = 8, max = 72) @Schema(required = true, format = "password", minLength = 8, maxLength = 72)
            String newPassword) {
    }

    @Schema(name = "ChangePasswordResponse", description = "Every other session of the user has ended; this one "
            + "goes on with the new token.")
    public record ChangePasswordResponse(
            @Schema(required = true, description = "Bearer access token (RS256 JWT)") String token,
            @Schema(required = true) Instant expiresAt) {
    }

    @Schema(name = "SignupResponse")
    public record SignupResponse(
            @Schema(required = true, description = "Bearer access token (RS256 JWT)") String token,
            @Schema(required = true) Instant expiresAt,
            @Schema(required = true) UserView user,
            @Schema(required = true) StoreView store) {
    }

    @Schema(name = "LoginResponse")
    public record LoginResponse(
            @Schema(required = true, description = "Bearer access token (RS256 JWT)") String token,
            @Schema(required = true) Instant expiresAt,
            @Schema(required = true) UserView user) {
    }

    @Schema(name = "Me")
    public record MeResponse(@Schema(required = true) UserView user, @Schema(required = true) StoreView store) {
    }

    @Schema(name = "CreateUserRequest")
    public record CreateUserRequest(
            @NotBlank @Size(max = 120) @Schema(required = true) String name,
            @NotBlank @Email @Size(max = 254) @Schema(required = true) String email,
            @NotNull @Size(min = 8, max = 72) @Schema(required = true, format = "password", minLength = 8, maxLength = 72) String password,
            @NotNull @Schema(required = true) Role role) {
    }

    @Schema(name = "Leave", description = "Days away, the first and the last included, in the store's time zone.")
    public record Leave(
            @NotNull @Schema(required = true, examples = "2026-12-21") java.time.LocalDate from,
            @NotNull @Schema(required = true, examples = "2027-01-03") java.time.LocalDate until) {
    }

    @Schema(name = "SetManagerRequest")
    public record SetManager(
            @NotNull @Schema(required = true, description = "An active MANAGER or ADMIN of the store, not the user "
                    + "themselves") Long managerId) {
    }

    @Schema(name = "UpdateUserRequest", description = "Only the fields present change.")
    public record UpdateUserRequest(
            @Size(min = 1, max = 120) @Schema(nullable = false) String name,
            @Schema(nullable = false) Role role,
            @Schema(nullable = false, description = "false deactivates: the user can no longer sign in and "
                    + "existing tokens stop working") Boolean active,
            @Size(max = 80) @Pattern(regexp = Text.NO_NUL, message = Text.NO_NUL_MESSAGE)
            @Schema(nullable = false, maxLength = 80, description = "The user's team; an empty string removes it") String team) {
    }
}
