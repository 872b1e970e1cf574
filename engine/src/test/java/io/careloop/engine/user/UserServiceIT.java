package io.careloop.engine.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careloop.engine.CareLoop;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.error.NotFoundException;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.MutableClock;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases.Kind;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signing in: passwords, browser sessions with idle and absolute time-outs (PT30M and PT12H in
 * tests), API tokens. The clock moves; nothing waits.
 */
class UserServiceIT {

    private static final String PASSWORD = "correct horse battery";

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    // ---- passwords and sessions ----

    @OnEveryDatabase
    void theRightPasswordOpensASessionAndTheWrongOneDoesNot(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        User agent = agent(careLoop);

        Optional<Session> session = careLoop.users().login(agent.username(), PASSWORD);

        assertThat(session).hasValueSatisfying(s -> {
            assertThat(s.user().username()).isEqualTo(agent.username());
            assertThat(s.user().roles()).containsExactly(Role.AGENT);
            assertThat(s.sessionId()).isNotBlank();
            assertThat(s.csrfToken()).isNotBlank().isNotEqualTo(s.sessionId());
        });
        assertThat(careLoop.users().session(session.get().sessionId()))
                .hasValueSatisfying(s -> assertThat(s.csrfToken()).isEqualTo(session.get().csrfToken()));
        // only a hash of the session id is stored
        assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM user_session WHERE id_hash = ?", session.get().sessionId()))
                .isZero();

        assertThat(careLoop.users().login(agent.username(), PASSWORD + "!")).isEmpty();
        assertThat(careLoop.users().login(agent.username(), "")).isEmpty();
        assertThat(careLoop.users().login("nobody-" + agent.username(), PASSWORD)).isEmpty();
        assertThat(careLoop.users().session("forged")).isEmpty();
    }

    @OnEveryDatabase
    void aSessionIdleForMoreThanThirtyMinutesIsOver(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        MutableClock clock = careLoops.clock(db);
        String sessionId = careLoop.users().login(agent(careLoop).username(), PASSWORD).orElseThrow().sessionId();

        clock.advance(Duration.ofMinutes(29));
        assertThat(careLoop.users().session(sessionId)).as("used after 29 minutes").isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(careLoop.users().session(sessionId)).as("used again 29 minutes later").isPresent();

        clock.advance(Duration.ofMinutes(31));
        assertThat(careLoop.users().session(sessionId)).as("after 31 idle minutes").isEmpty();
        clock.advance(Duration.ofMinutes(-30));
        assertThat(careLoop.users().session(sessionId)).as("gone for good, not only too old").isEmpty();
    }

    @OnEveryDatabase
    void aSessionEndsTwelveHoursAfterLoginHoweverBusyItIs(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        MutableClock clock = careLoops.clock(db);
        String sessionId = careLoop.users().login(agent(careLoop).username(), PASSWORD).orElseThrow().sessionId();

        for (int minutes = 20; minutes < 12 * 60; minutes += 20) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(careLoop.users().session(sessionId)).as("after %d busy minutes", minutes).isPresent();
        }
        clock.advance(Duration.ofMinutes(21));

        assertThat(careLoop.users().session(sessionId)).as("after 12 h 01 min").isEmpty();
    }

    @OnEveryDatabase
    void loggingOutEndsTheSession(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        String sessionId = careLoop.users().login(agent(careLoop).username(), PASSWORD).orElseThrow().sessionId();

        careLoop.users().logout(sessionId);

        assertThat(careLoop.users().session(sessionId)).isEmpty();
    }

    // ---- API tokens ----

    @OnEveryDatabase
    void anApiTokenAuthenticatesItsOwnerUntilItIsRevoked(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        User integrator = user(careLoop, Role.INTEGRATOR);

        NewApiToken created = careLoop.users().createToken(integrator, " phone-log import ", null);

        assertThat(created.secret()).startsWith(UserService.TOKEN_PREFIX);
        assertThat(created.token().name()).isEqualTo("phone-log import");
        assertThat(careLoop.users().authenticateToken(created.secret()))
                .hasValueSatisfying(u -> assertThat(u.username()).isEqualTo(integrator.username()));
        assertThat(careLoop.users().authenticateToken(created.secret() + "x")).isEmpty();
        assertThat(careLoop.users().authenticateToken("not-a-token")).isEmpty();
        assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM api_token WHERE token_hash = ?", created.secret())).isZero();

        // someone else cannot revoke it
        User other = user(careLoop, Role.INTEGRATOR);
        assertThatThrownBy(() -> careLoop.users().revokeToken(other, created.token().id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(careLoop.users().authenticateToken(created.secret())).isPresent();

        careLoop.users().revokeToken(integrator, created.token().id());

        assertThat(careLoop.users().authenticateToken(created.secret())).isEmpty();
        assertThat(careLoop.users().tokens(integrator)).singleElement()
                .satisfies(t -> assertThat(t.revokedAt()).isEqualTo(careLoops.clock(db).instant()));
        assertThatThrownBy(() -> careLoop.users().revokeToken(integrator, created.token().id()))
                .isInstanceOf(NotFoundException.class);
    }

    @OnEveryDatabase
    void anApiTokenStopsWorkingWhenItExpires(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        MutableClock clock = careLoops.clock(db);
        User integrator = user(careLoop, Role.INTEGRATOR);
        NewApiToken token = careLoop.users().createToken(integrator, "survey import", Duration.ofDays(30));
        assertThat(token.token().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));

        clock.advance(Duration.ofDays(30));
        assertThat(careLoop.users().authenticateToken(token.secret())).as("on the last moment").isPresent();
        assertThat(careLoop.users().tokens(integrator)).singleElement()
                .satisfies(t -> assertThat(t.lastUsedAt()).isEqualTo(clock.instant()));

        clock.advance(Duration.ofSeconds(1));
        assertThat(careLoop.users().authenticateToken(token.secret())).as("a second later").isEmpty();
    }

    // ---- creating users ----

    @OnEveryDatabase
    void aPasswordNeedsTwelveCharactersOfFiveDifferentKindsAndAtMostSeventyTwo(Kind db) {
        CareLoop careLoop = careLoops.on(db);

        for (String weak : new String[] {null, "", "short-pw", "elevenchars", "aaaabbbbcccc", "abababababababab",
                "x".repeat(40) + "abcdefghijklmnopqrstuvwxyz0123456789"}) {
            assertThatThrownBy(() -> careLoop.users().create(Drafts.unique("weak"), null, weak, EnumSet.of(Role.AGENT),
                    List.of(), "admin"))
                    .as("password %s", weak)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("password"));
        }
        User ok = careLoop.users().create(Drafts.unique("strong"), null, "twelve chars", EnumSet.of(Role.AGENT),
                List.of(), "admin");
        assertThat(careLoop.users().login(ok.username(), "twelve chars")).isPresent();
    }

    @OnEveryDatabase
    void aUserNeedsAValidUniqueUsernameARoleAndExistingTeams(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        User taken = agent(careLoop);

        assertThatThrownBy(() -> careLoop.users().create("Bad Name", null, PASSWORD, EnumSet.of(Role.AGENT), List.of(), "admin"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("username"));
        assertThatThrownBy(() -> careLoop.users().create(Drafts.unique("noroles"), null, PASSWORD, EnumSet.noneOf(Role.class),
                List.of(), "admin"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("roles"));
        assertThatThrownBy(() -> careLoop.users().create(Drafts.unique("noteam"), null, PASSWORD, EnumSet.of(Role.AGENT),
                List.of("no-such-team"), "admin"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("teams"));
        assertThatThrownBy(() -> careLoop.users().create(taken.username(), null, PASSWORD, EnumSet.of(Role.AGENT),
                List.of(), "admin"))
                .isInstanceOf(ConflictException.class);
    }

    @OnEveryDatabase
    void aTeamMemberWorksTheTeamsQueues(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        String team = Drafts.unique("desk");
        careLoop.users().createTeam(team, "客服中心", List.of("service-desk", "key-accounts"), "admin");

        User member = careLoop.users().create(Drafts.unique("member"), "陈晓", PASSWORD,
                EnumSet.of(Role.AGENT, Role.SUPERVISOR), List.of(team), "admin");

        assertThat(member.teams()).containsExactly(team);
        assertThat(member.queues()).containsExactly("key-accounts", "service-desk");
        assertThat(member.roles()).containsExactlyInAnyOrder(Role.AGENT, Role.SUPERVISOR);
        assertThat(careLoop.users().find(member.username())).contains(member);
    }

    private static User agent(CareLoop careLoop) {
        return user(careLoop, Role.AGENT);
    }

    private static User user(CareLoop careLoop, Role role) {
        return careLoop.users().create(Drafts.unique(role.code()), null, PASSWORD, EnumSet.of(role), List.of(), "admin");
    }
}
