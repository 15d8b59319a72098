package com.harborcrm.account;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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

import com.harborcrm.account.AccountDtos.ChangePasswordRequest;
import com.harborcrm.account.AccountDtos.ChangePasswordResponse;
import com.harborcrm.account.AccountDtos.CreateUserRequest;
import com.harborcrm.account.AccountDtos.LoginRequest;
import com.harborcrm.account.AccountDtos.LoginResponse;
import com.harborcrm.account.AccountDtos.MeResponse;
import com.harborcrm.account.AccountDtos.SignupRequest;
import com.harborcrm.account.AccountDtos.SignupResponse;
import com.harborcrm.account.AccountDtos.StoreView;
import com.harborcrm.account.AccountDtos.UpdateStoreRequest;
import com.harborcrm.account.AccountDtos.UpdateUserRequest;
import com.harborcrm.account.AccountDtos.TeamMember;
import com.harborcrm.account.AccountDtos.UserView;
import com.harborcrm.common.error.Problem;
import com.harborcrm.common.paging.PageLimit;
import com.harborcrm.common.security.Roles;
import com.harborcrm.common.security.SessionCookie;
import com.harborcrm.common.web.ETags;

/** Stores, sign-in and sub-accounts. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    AccountService accounts;

    @Inject
    SessionCookie sessionCookie;

    @POST
    @Path("/auth/signup")
    @PermitAll
    @Tag(name = "Auth")
    @Operation(operationId = "signup", summary = "Open a store with its administrator",
            description = "Creates the store and its first user (role ADMIN) and signs that user in.")
    @APIResponse(responseCode = "201", description = "Store opened",
            headers = @Header(name = "Set-Cookie", description = "The web app's session: the token in the HttpOnly "
                    + "cookie harbor_session (SameSite=Strict, path /api)"),
            content = @Content(schema = @Schema(implementation = SignupResponse.class)))
    @APIResponse(responseCode = "409", description = "The email is already registered (`email-taken`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response signup(@Valid @NotNull SignupRequest body) {
        SignupResponse response = accounts.signup(body);
        return Response.created(URI.create("/api/v1/me")).entity(response)
                .cookie(sessionCookie.of(response.token(), response.expiresAt())).build();
    }

    @POST
    @Path("/auth/login")
    @PermitAll
    @Tag(name = "Auth")
    @Operation(operationId = "login", summary = "Sign in and obtain an access token",
            description = "Unknown email and wrong password get the same answer. After 5 failed attempts for "
                    + "one email within 15 minutes further attempts answer 429 until the window has passed.")
    @APIResponse(responseCode = "200", description = "Signed in",
            headers = @Header(name = "Set-Cookie", description = "The web app's session: the token in the HttpOnly "
                    + "cookie harbor_session (SameSite=Strict, path /api)"),
            content = @Content(schema = @Schema(implementation = LoginResponse.class)))
    @APIResponse(responseCode = "401", description = "Wrong email or password, or a deactivated account "
            + "(`invalid-credentials`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many failed attempts (`too-many-attempts`)",
            headers = @Header(name = "Retry-After", description = "Seconds to wait",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response login(@Valid @NotNull LoginRequest body) {
        LoginResponse response = accounts.login(body);
        return Response.ok(response).cookie(sessionCookie.of(response.token(), response.expiresAt())).build();
    }

    @POST
    @Path("/auth/logout")
    @Consumes(MediaType.WILDCARD)
    @PermitAll
    @Tag(name = "Auth")
    @Operation(operationId = "logout", summary = "End the web app's session",
            description = "Drops the session cookie: the browser is signed out at once. Bearer tokens are not "
                    + "affected (they end when they expire, or when the user's password, role or activity changes).")
    @APIResponse(responseCode = "204", description = "Signed out",
            headers = @Header(name = "Set-Cookie", description = "harbor_session, emptied and expired"))
    public Response logout() {
        return Response.noContent().cookie(sessionCookie.cleared()).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Tag(name = "Users")
    @SecurityRequirement(name = "bearerJwt")
    @Operation(operationId = "getMe", summary = "Who am I: the signed-in user and their store")
    @APIResponse(responseCode = "200", description = "The signed-in user",
            content = @Content(schema = @Schema(implementation = MeResponse.class)))
    public MeResponse me() {
        return accounts.me();
    }

    @GET
    @Path("/users")
    @RolesAllowed(Roles.ADMIN)
    @Tag(name = "Users")
    @SecurityRequirement(name = "bearerJwt")
    @Operation(operationId = "listUsers", summary = "List the store's sub-accounts")
    @APIResponse(responseCode = "200", description = "A page of users",
            content = @Content(schema = @Schema(implementation = UserPage.class)))
    public UserPage listUsers(
            @QueryParam("limit") @Parameter(description = "Page size, default 50, at most 200",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) String limit,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor) {
        var page = accounts.listUsers(PageLimit.parse(limit), cursor);
        return new UserPage(page.items(), page.nextCursor());
    }

    @GET
    @Path("/team")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER})
    @Tag(name = "Users")
    @SecurityRequirement(name = "bearerJwt")
    @Operation(operationId = "listTeam", summary = "The store's active users, for picking an owner",
            description = "Every active user of the store sorted by name, with id, name and role only: what a "
                    + "manager needs to assign, transfer or import customers to someone. Managing accounts stays "
                    + "with `/users` (ADMIN).")
    @APIResponse(responseCode = "200", description = "The active users",
            content = @Content(schema = @Schema(implementation = TeamList.class)))
    @APIResponse(responseCode = "403", description = "REPs don't pick owners (`forbidden`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TeamList listTeam() {
        return new TeamList(accounts.listTeam());
    }

    @GET
    @Path("/users/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Tag(name = "Users")
    @SecurityRequirement(name = "bearerJwt")
    @Operation(operationId = "getUser", summary = "Read one sub-account")
    @APIResponse(responseCode = "200", description = "The user", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", description = "No such user in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getUser(@PathParam("id") long id) {
        UserView user = accounts.getUser(id);
        return Response.ok(user).tag(ETags.of(user.version())).build();
    }

    @POST
    @Path("/users")
    @RolesAllowed(Roles.ADMIN)
    @Tag(name = "Users")
    @SecurityRequirement(name = "bearerJwt")
    @Operation(operationId = "createUser", summary = "Add a sub-account")
    @APIResponse(responseCode = "201", description = "User created", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "409", description = "The email is already registered (`email-taken`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createUser(@Valid @NotNull CreateUserRequest body) {
        UserView user = accounts.createUser(body);
        return Response.created(URI.create("/api/v1/users/" + user.id())).tag(ETags.of(user.version()))
                .entity(user).build();
    }

    @PUT
    @Path("/users/{id}/leave")
    @RolesAllowed(Roles.ADMIN)
    @Tag(name = "Users")
    @SecurityRequirement(name = "bearerJwt")
    @Operation(operationId = "setUserLeave", summary = "Plan a user's leave",
            description = "On these days automatic distribution hands the user no customers; the user still signs "
                    + "in and keeps their customers. Replaces any earlier leave.")
    @APIResponse(responseCode = "200", description = "The user", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = "Invalid dates, every one listed in `errors` (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response setLeave(@PathParam("id") long id, @Valid @NotNull AccountDtos.Leave body) {
        UserView user = accounts.setLeave(id, body);
        return Response.ok(user).tag(ETags.of(user.version())).build();
    }

    @DELETE
    @Path("/users/{id}/leave")
    @RolesAllowed(Roles.ADMIN)
    @Tag(name = "Users")
    @SecurityRequirement(name = "bearerJwt")
    @Operation(operationId = "endUserLeave", summary = "Cancel or end a user's leave")
    @APIResponse(responseCode = "200", description = "The user", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", description = "No such user in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response endLeave(@PathParam("id") long id) {
        UserView user = accounts.setLeave(id, null);
        return Response.ok(user).tag(ETags.of(user.version())).build();
    }

    @PUT
    @Path("/users/{id}/manager")
    @RolesAllowed(Roles.ADMIN)
    @Tag(name = "Users")
    @SecurityRequirement(name = "bearerJwt")
    @Operation(operationId = "setUserManager", summary = "Set a user's manager",
            description = "The escalation ladder copies the manager on the user's customers about to return to the "
                    + "pool (pool rule escalateDaysBeforeReturn).")
    @APIResponse(responseCode = "200", description = "The user", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = "The manager is the user, unknown, inactive or a rep (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response setManager(@PathParam("id") long id, @Valid @NotNull AccountDtos.SetManager body) {
        UserView user = accounts.setManager(id, body.managerId());
        return Response.ok(user).tag(ETags.of(user.version())).build();
    }

    @DELETE
    @Path("/users/{id}/manager")
    @RolesAllowed(Roles.ADMIN)
    @Tag(name = "Users")
    @SecurityRequirement(name = "bearerJwt")
    @Operation(operationId = "removeUserManager", summary = "Remove a user's manager")
    @APIResponse(responseCode = "200", description = "The user", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", description = "No such user in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response removeManager(@PathParam("id") long id) {
        UserView user = accounts.setManager(id, null);
        return Response.ok(user).tag(ETags.of(user.version())).build();
    }

    @PATCH
    @Path("/users/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(Roles.ADMIN)
    @Tag(name = "Users")
    @SecurityRequirement(name = "bearerJwt")
    @Operation(operationId = "updateUser", summary = "Rename, change the role of, deactivate or reactivate a sub-account",
            description = "A role change or deactivation revokes the user's existing tokens. The last active "
                    + "administrator cannot be demoted or deactivated.")
    @APIResponse(responseCode = "200", description = "User updated", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "404", description = "No such user in this store",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409",
            description = "It would leave the store without an active administrator, or deactivate the caller's own account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response updateUser(@PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(description = "ETag of the version being changed") String ifMatch,
            @Valid @NotNull UpdateUserRequest body) {
        UserView user = accounts.updateUser(id, body, ETags.parseIfMatch(ifMatch));
        return Response.ok(user).tag(ETags.of(user.version())).build();
    }

    @PATCH
    @Path("/store")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(Roles.ADMIN)
    @Tag(name = "Users")
    @SecurityRequirement(name = "bearerJwt")
    @Operation(operationId = "updateStore", summary = "Rename the store, or change its time zone or language",
            description = "Only the fields present change. A new time zone moves the store's days from now on: daily "
                    + "claim limits, reminders, filters by date and the statistics by day, which are regrouped. The "
                    + "language names what Harbor creates for the store from now on.")
    @APIResponse(responseCode = "200", description = "The store as it is now",
            content = @Content(schema = @Schema(implementation = StoreView.class)))
    @APIResponse(responseCode = "400", description = "A blank name or an unknown time zone or language, every "
            + "field at once (`validation`, `malformed-body`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StoreView updateStore(@Valid @NotNull UpdateStoreRequest body) {
        return accounts.updateStore(body);
    }

    @POST
    @Path("/me/password")
    @RolesAllowed({Roles.ADMIN, Roles.MANAGER, Roles.REP})
    @Tag(name = "Users")
    @SecurityRequirement(name = "bearerJwt")
    @Operation(operationId = "changePassword", summary = "Change one's own password",
            description = "Needs the current password. Every other session of the user ends at once; the answer "
                    + "carries a new token for this one. Wrong current passwords count towards the sign-in throttle.")
    @APIResponse(responseCode = "200", description = "Changed",
            headers = @Header(name = "Set-Cookie", description = "The web app's session: the token in the HttpOnly "
                    + "cookie harbor_session (SameSite=Strict, path /api)"),
            content = @Content(schema = @Schema(implementation = ChangePasswordResponse.class)))
    @APIResponse(responseCode = "400", description = "The current password is wrong, or the new one is not 8 to 72 "
            + "characters (`validation`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many wrong passwords (`too-many-attempts`)",
            headers = @Header(name = "Retry-After", description = "Seconds to wait"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changePassword(@Valid @NotNull ChangePasswordRequest body) {
        ChangePasswordResponse response = accounts.changePassword(body);
        return Response.ok(response).cookie(sessionCookie.of(response.token(), response.expiresAt())).build();
    }

    @Schema(name = "TeamList")
    public record TeamList(@Schema(required = true) java.util.List<TeamMember> items) {
    }

    @Schema(name = "UserPage")
    public record UserPage(@Schema(required = true) java.util.List<UserView> items,
            @Schema(required = true, nullable = true) String nextCursor) {
    }
}
