package io.careloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.demo.DemoData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The welcome text Main prints: how to reach the server and how to sign in. */
class MainTest {

    @Test
    void aGeneratedAdminPasswordIsPrintedOnce() {
        String out = welcome(Optional.of("Gen3rated-Pa55word"), false, List.of());

        assertThat(out).contains("http://localhost:8080");
        assertThat(out).containsOnlyOnce("Gen3rated-Pa55word");
        assertThat(out).contains("admin").contains("shown only once");
    }

    @Test
    void aConfiguredAdminPasswordIsNeverEchoed() {
        String out = welcome(Optional.of("from-the-environment-1"), true, List.of());

        assertThat(out).doesNotContain("from-the-environment-1").contains("CARELOOP_ADMIN_PASSWORD");
    }

    @Test
    void withAnAdminAlreadyThereNoPasswordLineIsPrinted() {
        String out = welcome(Optional.empty(), false, List.of());

        assertThat(out).doesNotContain("admin ").doesNotContain("password");
    }

    @Test
    void theDemoSignInsArePrintedWithTheirRoles() {
        String out = welcome(Optional.empty(), false, DemoData.users());

        for (DemoData.DemoUser u : DemoData.users()) {
            assertThat(out).containsPattern("(?m)^\\s+" + u.username() + "\\s+" + u.password() + "\\s+\\(" + u.role() + ", demo\\)");
        }
    }

    private static String welcome(Optional<String> adminPassword, boolean configured, List<DemoData.DemoUser> demo) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Main.printWelcome(new PrintStream(bytes, true, StandardCharsets.UTF_8), 8080, adminPassword, configured, demo);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
