package io.careloop.engine.user;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.db.GeneratedKey;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.error.NotFoundException;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.text.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users, passwords (bcrypt), browser sessions (stored hashed, with idle and absolute time-outs)
 * and API tokens (stored hashed, revocable).
 */
public final class UserService {

    private static final Logger LOG = LoggerFactory.getLogger(UserService.class);
    public static final String TOKEN_PREFIX = "clt_";
    static final int MIN_PASSWORD = 12;

    private final Transactions tx;
    private final AuditTrail audit;
    private final Clock clock;
    private final int bcryptCost;
    private final Duration sessionIdle;
    private final Duration sessionAbsolute;
    // compared against when the user does not exist, so that timing does not tell who exists
    private final String dummyHash;

    public UserService(Transactions tx, AuditTrail audit, Clock clock, int bcryptCost, Duration sessionIdle,
                       Duration sessionAbsolute) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.bcryptCost = bcryptCost;
        this.sessionIdle = sessionIdle;
        this.sessionAbsolute = sessionAbsolute;
        this.dummyHash = BCrypt.withDefaults().hashToString(bcryptCost, Secrets.randomToken(16).toCharArray());
    }

    public boolean noUsers() {
        return tx.read(s -> s.getMapper(UserMapper.class).countUsers() == 0);
    }

    /** Creates a user with roles and team memberships; the teams must exist. */
    public User create(String username, String displayName, String password, Set<Role> roles, List<String> teams, String actor) {
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            throw new InvalidInputException("username", "a username is 2-64 characters: lower-case letters, digits, . _ -");
        }
        checkPassword(password);
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInputException("roles", "a user needs at least one role");
        }
        String hash = BCrypt.withDefaults().hashToString(bcryptCost, password.toCharArray());
        return tx.write(t -> {
            UserMapper m = t.mapper(UserMapper.class);
            if (m.findUser(username) != null) {
                throw new io.careloop.engine.error.ConflictException("user " + username + " already exists");
            }
            GeneratedKey key = new GeneratedKey();
            m.insertUser(new UserRow(null, username, displayName == null ? username : displayName, hash, true, clock.instant()), key);
            for (Role r : roles) {
                m.insertRole(key.getId(), r);
            }
            for (String team : teams) {
                Long teamId = m.findTeam(team);
                if (teamId == null) {
                    throw new InvalidInputException("teams", "no team " + team);
                }
                m.insertMember(teamId, key.getId());
            }
            audit.record(t, actor, "user.created", "user", username, null,
                    Map.of("username", username, "roles", roles.stream().map(Role::code).sorted().toList(), "teams", teams), null);
            return load(m, m.findUserById(key.getId()));
        });
    }

    /** Creates a team working the given queues (the candidate groups of the processes). */
    public void createTeam(String code, String name, List<String> queues, String actor) {
        tx.write(t -> {
            UserMapper m = t.mapper(UserMapper.class);
            m.insertTeam(code, name);
            long id = m.findTeam(code);
            queues.forEach(q -> m.insertTeamQueue(id, q));
            audit.record(t, actor, "team.created", "team", code, null, Map.of("code", code, "queues", queues), null);
            return null;
        });
    }

    /** Every enabled user with roles, teams and queues, by username. */
    public List<User> enabledUsers() {
        return tx.read(s -> {
            UserMapper m = s.getMapper(UserMapper.class);
            return m.allUsers().stream().filter(r -> Boolean.TRUE.equals(r.enabled())).map(r -> load(m, r)).toList();
        });
    }

    public Optional<User> find(String username) {
        return tx.read(s -> {
            UserMapper m = s.getMapper(UserMapper.class);
            UserRow row = m.findUser(username);
            return Optional.ofNullable(row == null ? null : load(m, row));
        });
    }

    /** Checks the password; on success opens a session. Wrong user and wrong password look the same. */
    public Optional<Session> login(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        UserRow row = tx.read(s -> s.getMapper(UserMapper.class).findUser(username));
        boolean ok = BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                (row == null ? dummyHash : row.passwordHash()).getBytes(StandardCharsets.UTF_8)).verified;
        if (row == null || !ok || !Boolean.TRUE.equals(row.enabled())) {
            LOG.info("login.failed user={}", row == null ? "(unknown)" : username);
            return Optional.empty();
        }
        String sessionId = Secrets.randomToken(32);
        String csrf = Secrets.randomToken(32);
        Instant now = clock.instant();
        return Optional.of(tx.write(t -> {
            UserMapper m = t.mapper(UserMapper.class);
            m.deleteExpiredSessions(now);
            m.insertSession(new SessionRow(Sha256.hex(sessionId), row.id(), csrf, now, now, now.plus(sessionAbsolute)));
            audit.record(t, username, "user.login", "user", username, null, null, null);
            return new Session(load(m, row), csrf, sessionId);
        }));
    }

    /** The session behind a cookie value, if it exists and has timed out neither idle nor absolutely. */
    public Optional<Session> session(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Optional.empty();
        }
        String hash = Sha256.hex(sessionId);
        Instant now = clock.instant();
        return tx.read(s -> {
            UserMapper m = s.getMapper(UserMapper.class);
            SessionRow row = m.findSession(hash);
            if (row == null) {
                return Optional.empty();
            }
            if (now.isAfter(row.expiresAt()) || now.isAfter(row.lastSeenAt().plus(sessionIdle))) {
                m.deleteSession(hash);
                return Optional.empty();
            }
            // write last-seen at most once a minute: a page of requests costs one update, not one each
            if (Duration.between(row.lastSeenAt(), now).compareTo(Duration.ofMinutes(1)) > 0) {
                m.touchSession(hash, now);
            }
            UserRow user = m.findUserById(row.userId());
            if (user == null || !Boolean.TRUE.equals(user.enabled())) {
                return Optional.empty();
            }
            return Optional.of(new Session(load(m, user), row.csrfToken(), null));
        });
    }

    public void logout(String sessionId) {
        if (sessionId != null) {
            tx.read(s -> {
                s.getMapper(UserMapper.class).deleteSession(Sha256.hex(sessionId));
                return null;
            });
        }
    }

    public NewApiToken createToken(User owner, String name, Duration validFor) {
        return createToken(owner, name, validFor, ApiToken.WRITE);
    }

    /** A token of {@code scope} ({@link ApiToken#READ} or {@link ApiToken#WRITE}); its secret is in the answer only. */
    public NewApiToken createToken(User owner, String name, Duration validFor, String scope) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException("name", "a token needs a name of 1 to 200 characters");
        }
        if (!ApiToken.READ.equals(scope) && !ApiToken.WRITE.equals(scope)) {
            throw new InvalidInputException("scope", "a token's scope is read or write");
        }
        String secret = TOKEN_PREFIX + Secrets.randomToken(32);
        Instant now = clock.instant();
        Instant expires = validFor == null ? null : now.plus(validFor);
        return tx.write(t -> {
            UserMapper m = t.mapper(UserMapper.class);
            GeneratedKey key = new GeneratedKey();
            m.insertToken(owner.id(), name.strip(), Sha256.hex(secret), now, expires, scope, key);
            audit.record(t, owner.username(), "token.created", "api_token", String.valueOf(key.getId()), null,
                    Map.of("name", name.strip(), "expiresAt", String.valueOf(expires), "scope", scope), null);
            return new NewApiToken(new ApiToken(key.getId(), owner.id(), name.strip(), now, expires, null, null, scope), secret);
        });
    }

    public List<ApiToken> tokens(User owner) {
        return tx.read(s -> s.getMapper(UserMapper.class).tokensOf(owner.id()));
    }

    public void revokeToken(User owner, long tokenId) {
        tx.write(t -> {
            if (t.mapper(UserMapper.class).revokeToken(tokenId, owner.id(), clock.instant()) == 0) {
                throw new NotFoundException("no active token " + tokenId);
            }
            audit.record(t, owner.username(), "token.revoked", "api_token", String.valueOf(tokenId), null, null, null);
            return null;
        });
    }

    /** The user behind a bearer token, if it is known, not revoked and not expired. */
    public Optional<User> authenticateToken(String secret) {
        return authenticateApiToken(secret).map(TokenGrant::user);
    }

    /** The user behind a bearer token and what the token lets them do. */
    public Optional<TokenGrant> authenticateApiToken(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tx.read(s -> {
            UserMapper m = s.getMapper(UserMapper.class);
            ApiToken token = m.findTokenByHash(Sha256.hex(secret));
            if (token == null || token.revokedAt() != null || (token.expiresAt() != null && now.isAfter(token.expiresAt()))) {
                return Optional.empty();
            }
            if (token.lastUsedAt() == null || Duration.between(token.lastUsedAt(), now).toMinutes() >= 1) {
                m.touchToken(token.id(), now);
            }
            UserRow user = m.findUserById(token.userId());
            return user == null || !Boolean.TRUE.equals(user.enabled()) ? Optional.empty()
                    : Optional.of(new TokenGrant(load(m, user), token.readOnly()));
        });
    }

    /** First start: creates {@code admin} with the configured password, or a random one printed once. */
    public Optional<String> bootstrapAdmin(String configuredPassword) {
        if (!noUsers()) {
            return Optional.empty();
        }
        String password = configuredPassword != null ? configuredPassword : Secrets.randomPassword();
        create("admin", "Administrator", password, EnumSet.of(Role.ADMIN), List.of(), "system");
        return Optional.of(password);
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInputException("password", "a password needs at least " + MIN_PASSWORD + " characters");
        }
        if (password.length() > 72) {
            throw new InvalidInputException("password", "a password has at most 72 characters");
        }
        if (password.chars().distinct().count() < 5) {
            throw new InvalidInputException("password", "a password needs at least 5 different characters");
        }
    }

    private static User load(UserMapper m, UserRow row) {
        return new User(row.id(), row.username(), row.displayName(), toSet(m.roles(row.id())), m.teams(row.id()), m.queues(row.id()));
    }

    private static Set<Role> toSet(List<Role> roles) {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

}
