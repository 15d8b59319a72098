package com.harborcrm.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;

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
import com.harborcrm.common.error.DomainException;
import com.harborcrm.common.error.FieldError;
import com.harborcrm.common.error.ProblemType;
import com.harborcrm.common.paging.Cursor;
import com.harborcrm.common.paging.Page;
import com.harborcrm.common.security.ActiveUsers;
import com.harborcrm.common.security.CurrentUser;
import com.harborcrm.common.security.Role;
import com.harborcrm.common.tenancy.TenantContext;
import com.harborcrm.common.time.Instants;

import io.quarkus.elytron.security.common.BcryptUtil;

/** Opening stores, signing in, and the admin's management of sub-accounts. */
@ApplicationScoped
public class AccountService {

    private static final int BCRYPT_COST = 10;
    /** Checked against when the email is unknown, so both failures take the same time. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash("harbor-timing-equalizer", BCRYPT_COST);

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    CurrentUser currentUser;

    @Inject
    ActiveUsers activeUsers;

    @Inject
    TokenService tokens;

    @Inject
    StoreTimeZones timeZones;

    @Inject
    LoginThrottle throttle;

    @Inject
    Event<StoreOpened> storeOpened;

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    @Transactional
    public SignupResponse signup(SignupRequest request) {
        String email = normalizeEmail(request.email());
        String timeZone = validTimeZone(request.timeZone());
        // The new store must be the tenant before Hibernate opens this transaction's session, so its id is
        // drawn first. A sequence value is never rolled back, which is harmless.
        tenant.enter(nextStoreId());
        ensureEmailFree(email);

        Instant now = clock.instant();
        Store store = new Store();
        store.id = tenant.storeId();
        store.name = request.storeName().trim();
        store.timeZone = timeZone;
        store.language = (request.language() == null ? StoreLanguage.EN : request.language()).tag();
        store.createdAt = now;
        store.persist();

        User admin = newUser(request.name(), email, request.password(), Role.ADMIN, now);
        storeOpened.fire(new StoreOpened(store.id, StoreLanguage.of(store.language)));
        TokenService.IssuedToken token = tokens.issue(admin);
        return new SignupResponse(token.token(), token.expiresAt(), UserView.of(admin), StoreView.of(store));
    }

    /** Failed attempts are recorded even though the answer is an error, hence no rollback on them. */
    @Transactional(dontRollbackOn = DomainException.class)
    public LoginResponse login(LoginRequest request) {
        String email = normalizeEmail(request.email());
        throttle.checkAllowed(email);
        // Login is the one cross-store read: the directory tells which store the email belongs to.
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery(
                "select u.store_id, u.id, u.password_hash, u.active, u.name, u.email, u.role, u.token_version, "
                        + "u.created_at, u.version from login_identities li "
                        + "join users u on u.store_id = li.store_id and u.id = li.user_id where li.email = ?1")
                .setParameter(1, email).getResultList();
        if (found.isEmpty()) {
            BcryptUtil.matches(request.password(), DUMMY_HASH);
            throttle.recordFailure(email);
            throw invalidCredentials("Wrong email or password");
        }
        Object[] row = found.get(0);
        if (!BcryptUtil.matches(request.password(), (String) row[2])) {
            throttle.recordFailure(email);
            throw invalidCredentials("Wrong email or password");
        }
        if (!(Boolean) row[3]) {
            throw invalidCredentials("This account has been deactivated. Ask your store administrator.");
        }
        throttle.clear(email);
        // This session is not entered into any store, so the user is read from the row, not as an entity.
        User user = new User();
        user.storeId = row[0].toString();
        user.id = ((Number) row[1]).longValue();
        user.active = true;
        user.name = (String) row[4];
        user.email = (String) row[5];
        user.role = Role.valueOf((String) row[6]);
        user.tokenVersion = ((Number) row[7]).intValue();
        user.createdAt = Instants.of(row[8]);
        user.version = ((Number) row[9]).longValue();
        TokenService.IssuedToken token = tokens.issue(user);
        return new LoginResponse(token.token(), token.expiresAt(), UserView.of(user));
    }

    public MeResponse me() {
        User user = User.findById(currentUser.id());
        Store store = Store.findById(tenant.storeId());
        return new MeResponse(UserView.of(user), StoreView.of(store));
    }

    /** The store's name, time zone and language (admins); only the fields present change. */
    @Transactional
    public StoreView updateStore(UpdateStoreRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.name() != null && request.name().isBlank()) {
            errors.add(FieldError.of("name", FieldError.Code.REQUIRED, "must not be blank"));
        }
        String timeZone = request.timeZone() == null ? null : zoneId(request.timeZone());
        if (request.timeZone() != null && timeZone == null) {
            errors.add(unknownZone());
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        Store store = Store.findById(tenant.storeId());
        if (request.name() != null) {
            store.name = request.name().trim();
        }
        if (timeZone != null && !timeZone.equals(store.timeZone)) {
            // The statistics' days follow through a trigger on stores (V70); cached zones hear the change.
            store.timeZone = timeZone;
            timeZones.changing();
        }
        if (request.language() != null) {
            store.language = request.language().tag();
        }
        em.flush();
        return StoreView.of(store);
    }

    /**
     * The signed-in user's own password. Every other session ends (the token version moves on) and this one goes
     * on with a new token. Wrong current passwords count towards the sign-in throttle of the user's email.
     */
    @Transactional(dontRollbackOn = DomainException.class)
    public ChangePasswordResponse changePassword(ChangePasswordRequest request) {
        User user = User.findById(currentUser.id());
        throttle.checkAllowed(user.email);
        if (!BcryptUtil.matches(request.currentPassword(), user.passwordHash)) {
            throttle.recordFailure(user.email);
            throw DomainException.invalid(FieldError.of("currentPassword", FieldError.Code.INVALID,
                    "is not your current password"));
        }
        throttle.clear(user.email);
        user.passwordHash = BcryptUtil.bcryptHash(request.newPassword(), BCRYPT_COST);
        user.revokeTokens();
        user.updatedAt = clock.instant();
        activeUsers.changing(tenant.storeId(), user.id);
        em.flush();
        TokenService.IssuedToken token = tokens.issue(user);
        return new ChangePasswordResponse(token.token(), token.expiresAt());
    }

    public Page<UserView> listUsers(int limit, String cursor) {
        long after = cursor == null ? 0 : Cursor.decodeLong(cursor);
        List<User> users = User.find("id > ?1 and service = false order by id", after).page(0, limit + 1).list();
        boolean more = users.size() > limit;
        List<UserView> items = users.stream().limit(limit).map(UserView::of).toList();
        return Page.of(items, more ? Cursor.encode(items.get(items.size() - 1).id()) : null);
    }

    /** Every active user of the store, by name: the people a customer can be assigned, transferred or imported to. */
    public List<TeamMember> listTeam() {
        return User.<User>find("active = true and service = false order by lower(name), id").stream().map(TeamMember::of).toList();
    }

    public UserView getUser(long id) {
        return UserView.of(findUser(id));
    }

    /** Sets (or, with null, ends) a user's planned leave. */
    @Transactional
    public UserView setLeave(long id, AccountDtos.Leave leave) {
        User user = findUser(id);
        if (leave != null && leave.until().isBefore(leave.from())) {
            throw DomainException.invalid(new FieldError("until", "must not be before from",
                    FieldError.Code.NOT_BEFORE_FIELD, null, null, "from", null));
        }
        user.leaveFrom = leave == null ? null : leave.from();
        user.leaveUntil = leave == null ? null : leave.until();
        user.updatedAt = clock.instant();
        em.flush();
        return UserView.of(user);
    }

    /**
     * Sets (or, with null, removes) a user's manager: an active MANAGER or ADMIN of the store other than the user. A
     * chain may go on above them; only the first step is copied, so cycles further up do no harm.
     */
    @Transactional
    public UserView setManager(long id, Long managerId) {
        User user = findUser(id);
        if (managerId != null) {
            if (managerId.equals(user.id)) {
                throw DomainException.invalid(FieldError.of("managerId", FieldError.Code.INVALID,
                        "A user cannot be their own manager"));
            }
            User manager = User.findById(managerId);
            if (manager == null || manager.service) {
                throw DomainException.invalid(FieldError.unknown("managerId", "No such user in this store"));
            }
            if (!manager.active || manager.role == Role.REP) {
                throw DomainException.invalid(FieldError.of("managerId", FieldError.Code.INVALID,
                        "must be an active manager or administrator"));
            }
        }
        user.managerId = managerId;
        user.updatedAt = clock.instant();
        em.flush();
        return UserView.of(user);
    }

    @Transactional
    public UserView createUser(CreateUserRequest request) {
        String email = normalizeEmail(request.email());
        ensureEmailFree(email);
        return UserView.of(newUser(request.name(), email, request.password(), request.role(), clock.instant()));
    }

    @Transactional
    public UserView updateUser(long id, UpdateUserRequest request, Long expectedVersion) {
        User user = findUser(id);
        if (expectedVersion != null && expectedVersion != user.version) {
            throw new DomainException(ProblemType.PRECONDITION_FAILED,
                    "This user was changed by someone else: reload and try again");
        }
        if (request.name() != null) {
            if (request.name().isBlank()) {
                throw DomainException.invalid(FieldError.of("name", FieldError.Code.REQUIRED, "must not be blank"));
            }
            user.name = request.name().trim();
        }
        if (Boolean.FALSE.equals(request.active()) && user.active && user.id.equals(currentUser.id())) {
            // it would end this very session; another administrator can do it
            throw new DomainException(ProblemType.CONFLICT,
                    "You cannot deactivate your own account: another administrator can");
        }
        boolean demotesOrDeactivates = (request.role() != null && request.role() != Role.ADMIN)
                || Boolean.FALSE.equals(request.active());
        if (user.role == Role.ADMIN && user.active && demotesOrDeactivates && activeAdmins() <= 1) {
            throw new DomainException(ProblemType.CONFLICT,
                    "A store needs at least one active administrator: appoint another admin first");
        }
        if (request.role() != null && request.role() != user.role) {
            user.role = request.role();
            user.revokeTokens();
            activeUsers.changing(tenant.storeId(), user.id);
        }
        if (request.active() != null && request.active() != user.active) {
            user.active = request.active();
            user.revokeTokens();
            activeUsers.changing(tenant.storeId(), user.id);
        }
        if (request.team() != null) {
            user.team = request.team().isBlank() ? null : request.team().strip();
            // Pools may name the team as members: the user's pools change with it, here at once.
            activeUsers.changing(tenant.storeId(), user.id);
        }
        user.updatedAt = clock.instant();
        em.flush();
        return UserView.of(user);
    }

    /**
     * Drawn through a plain JDBC connection: touching the EntityManager here would open the session while
     * no store is entered yet.
     */
    private long nextStoreId() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select nextval(pg_get_serial_sequence('stores', 'id'))");
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not allocate a store id", e);
        }
    }

    /**
     * The principal an API key acts as (apikey/): a manager-level user of the store named after the key, that
     * never signs in (no login identity, no password), owns nothing and stays off the team and user lists.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long createServicePrincipal(String keyName) {
        Instant now = clock.instant();
        User user = new User();
        user.name = keyName;
        user.email = "api-key-" + java.util.UUID.randomUUID() + "@keys.harbor.invalid";
        user.passwordHash = "!";
        user.role = Role.MANAGER;
        user.service = true;
        user.active = true;
        user.createdAt = now;
        user.updatedAt = now;
        user.persist();
        em.flush();
        return user.id;
    }

    /** A revoked key's principal is deactivated with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deactivateServicePrincipal(long userId) {
        User user = User.findById(userId);
        if (user != null && user.service && user.active) {
            user.active = false;
            user.revokeTokens();
            user.updatedAt = clock.instant();
            activeUsers.changing(user.storeId(), user.id);
        }
    }

    private long activeAdmins() {
        return User.count("role = ?1 and active = true", Role.ADMIN);
    }

    private User findUser(long id) {
        User user = User.findById(id);
        if (user == null || user.service) {
            // An API key's principal is managed as the key (/api-keys), never as a user.
            throw DomainException.notFound("User " + id);
        }
        return user;
    }

    private User newUser(String name, String email, String password, Role role, Instant now) {
        User user = new User();
        user.name = name.trim();
        user.email = email;
        user.passwordHash = BcryptUtil.bcryptHash(password, BCRYPT_COST);
        user.role = role;
        user.active = true;
        user.createdAt = now;
        user.updatedAt = now;
        user.persist();
        em.flush();
        em.createNativeQuery("insert into login_identities (email, store_id, user_id) values (?1, ?2, ?3)")
                .setParameter(1, email).setParameter(2, user.storeId()).setParameter(3, user.id).executeUpdate();
        return user;
    }

    private void ensureEmailFree(String email) {
        // Lock the email's slot so that two concurrent signups with one email cannot both pass.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 11))").setParameter(1, email)
                .getSingleResult();
        Number taken = (Number) em.createNativeQuery("select count(*) from login_identities where email = ?1")
                .setParameter(1, email).getSingleResult();
        if (taken.longValue() > 0) {
            throw new DomainException(ProblemType.EMAIL_TAKEN, "The email " + email + " is already registered");
        }
    }

    private static DomainException invalidCredentials(String detail) {
        return new DomainException(ProblemType.INVALID_CREDENTIALS, detail);
    }

    static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static String validTimeZone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return "UTC";
        }
        String zone = zoneId(timeZone);
        if (zone == null) {
            throw DomainException.invalid(unknownZone());
        }
        return zone;
    }

    /** The IANA id of {@code timeZone}, or null when it names no zone. */
    private static String zoneId(String timeZone) {
        try {
            return ZoneId.of(timeZone.trim()).getId();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static FieldError unknownZone() {
        return FieldError.of("timeZone", FieldError.Code.FORMAT,
                "is not a known time zone (use an IANA name such as Asia/Shanghai)");
    }
}
