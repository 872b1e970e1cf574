package io.careloop.engine.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.TestDatabases.Kind;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The first start of an empty installation creates {@code admin}; no later start does. */
class AdminBootstrapIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @OnEveryDatabase
    void theFirstStartCreatesAdminWithTheConfiguredPasswordAndLaterStartsDoNot(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        assertThat(careLoop.users().noUsers()).isTrue();

        Optional<String> first = careLoop.users().bootstrapAdmin("configured-admin-pw");
        Optional<String> second = careLoop.users().bootstrapAdmin("another-admin-pw");

        assertThat(first).contains("configured-admin-pw");
        assertThat(second).isEmpty();
        assertThat(careLoop.users().find("admin")).hasValueSatisfying(u -> assertThat(u.roles()).containsExactly(Role.ADMIN));
        assertThat(careLoop.users().login("admin", "configured-admin-pw")).isPresent();
        assertThat(careLoop.users().login("admin", "another-admin-pw")).isEmpty();
    }
}
