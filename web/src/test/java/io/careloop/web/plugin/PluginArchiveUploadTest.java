package io.careloop.web.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.plugin.CraftedZips;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.Multipart;
import io.careloop.web.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile plugin archives uploaded by an integrator: path traversal, absolute paths, symbolic links,
 * zip bombs and oversize files are refused with a 4xx problem naming the cause, and the plugins
 * directory is left exactly as it was (no archive, no temporary file).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginArchiveUploadTest {

    private TestServer server;
    private String integrator;
    private Path pluginsDir;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        integrator = server.tokenFor("ivy.integrator", Role.INTEGRATOR);
        pluginsDir = server.careLoop().settings().pluginsDir();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pathTraversalAbsolutePathsAndSymlinksAreRefusedAndNothingIsWritten() throws IOException {
        List<String> before = files();
        refused("traversal.zip", CraftedZips.zip("../../../tmp/careloop-evil.sh", "echo owned"), 400,
                "a path that leaves its folder: ../../../tmp/careloop-evil.sh");
        refused("absolute.zip", CraftedZips.zip("/tmp/careloop-evil.sh", "echo owned"), 400, "an absolute path");
        refused("sneaky.zip", CraftedZips.localNameDiffers("aa/evil.sh", "../evil.sh"), 400, "leaves its folder");
        refused("link.jar", CraftedZips.symlink("lib/secrets"), 400, "a symbolic link: lib/secrets");
        refused("nested.zip", CraftedZips.zip(java.util.Map.of("plugin.properties", "plugin.id=x\n".getBytes(),
                "lib/evil.jar", CraftedZips.zip("../../../tmp/careloop-evil.sh", "echo owned"))), 400,
                "in lib/evil.jar: the archive holds a path that leaves its folder");
        assertThat(files()).isEqualTo(before);
        assertThat(Path.of("/tmp/careloop-evil.sh")).doesNotExist();
    }

    @Test
    void zipBombsAndOversizeUploadsAreRefusedAndNothingIsWritten() throws IOException {
        List<String> before = files();
        refused("bomb.zip", CraftedZips.bomb(50 << 20), 400, "compressed more than 100 : 1");
        refused("many.zip", CraftedZips.manyEntries(10_001), 400, "10001 entries; at most 10000");
        long limit = server.careLoop().plugins().archiveLimits().archiveBytes();
        refused("big.jar", new byte[(int) limit + 1], 413, "at most " + limit + " are accepted");
        assertThat(files()).isEqualTo(before);
    }

    private void refused(String name, byte[] archive, int status, String detail) {
        Multipart.Answer answer = new Multipart().file("file", name, "application/zip", archive)
                .post(server.base(), "/api/v1/plugins", integrator);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("detail").asText()).contains("plugin archive refused").contains(detail);
    }

    private List<String> files() throws IOException {
        if (!Files.isDirectory(pluginsDir)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(pluginsDir)) {
            return all.map(p -> pluginsDir.relativize(p).toString()).sorted().toList();
        }
    }
}
