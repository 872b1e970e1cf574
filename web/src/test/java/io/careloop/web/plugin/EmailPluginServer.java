package io.careloop.web.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.config.Settings;
import io.careloop.engine.testing.TestCareLoop;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.web.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A test server on H2 with the e-mail plugin archive the build produced in its plugins directory. */
final class EmailPluginServer {

    private EmailPluginServer() {
    }

    static TestServer start(Path plugins, String name) throws IOException {
        Path built = Path.of("target", "plugins");
        boolean copied = false;
        if (Files.isDirectory(built)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(built, "careloop-plugin-email-*.jar")) {
                for (Path jar : jars) {
                    Files.copy(jar, plugins.resolve(jar.getFileName()));
                    copied = true;
                }
            }
        }
        assertThat(copied).as("the build copies the e-mail plugin archive to web/target/plugins before web's tests").isTrue();
        Settings base = TestCareLoop.settings(TestDatabases.Kind.H2, name);
        Settings settings = new Settings(0, base.dataDir(), base.dbUrl(), base.dbUser(), base.dbPassword(), base.dbPoolSize(),
                plugins, false, null, false, base.autoCloseAfter(), base.sessionIdle(), base.sessionAbsolute(), base.bcryptCost());
        return TestServer.start(settings);
    }

    /** A file of /work/shared/samples/email as the build copies it to the test classpath. */
    static byte[] sample(String name) throws IOException {
        try (InputStream in = EmailPluginServer.class.getResourceAsStream("/samples/" + name)) {
            return in.readAllBytes();
        }
    }
}
