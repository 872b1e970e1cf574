package io.careloop.web;

import io.careloop.engine.CareLoop;
import io.careloop.engine.config.Settings;
import io.careloop.engine.config.SettingsLoader;
import io.careloop.engine.demo.DemoData;
import io.javalin.Javalin;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts CareLoop: reads the configuration and calls the same factories the tests use. */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        Settings settings = SettingsLoader.load(System.getenv());
        CareLoop careLoop = CareLoop.start(settings, Clock.systemUTC(), SettingsLoader.retention(System.getenv()));
        careLoop.attachments().limit(SettingsLoader.attachmentLimits(System.getenv()));
        Optional<String> adminPassword = careLoop.users().bootstrapAdmin(settings.adminPassword());
        List<DemoData.DemoUser> demo = settings.demo() ? DemoData.load(careLoop) : List.of();
        Javalin app = WebServer.create(careLoop).start(settings.httpPort());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            careLoop.close();
        }, "careloop-shutdown"));
        LOG.info("careloop.ready port={}", app.port());
        printWelcome(System.out, app.port(), adminPassword, settings.adminPassword() != null, demo);
    }

    /** The one thing printed to the console rather than logged: how to sign in. */
    static void printWelcome(PrintStream out, int port, Optional<String> adminPassword, boolean configured,
                             List<DemoData.DemoUser> demo) {
        out.println();
        out.println("CareLoop is running on http://localhost:" + port + "  (health: /health, API: /api/openapi.json)");
        adminPassword.ifPresent(pw -> out.println(configured
                ? "  admin       password from CARELOOP_ADMIN_PASSWORD"
                : "  admin       " + pw + "   (generated now and shown only once: note it)"));
        for (DemoData.DemoUser u : demo) {
            out.printf("  %-11s %-22s (%s, demo)%n", u.username(), u.password(), u.role());
        }
        out.println();
    }
}
