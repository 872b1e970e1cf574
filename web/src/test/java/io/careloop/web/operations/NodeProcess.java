package io.careloop.web.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.careloop.engine.CareLoop;
import io.careloop.web.testing.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * CareLoop as an operator runs it: {@code java -jar web/target/careloop.jar} in a process of its
 * own, configured by environment variables, on an H2 file database in {@code dataDir}. The test
 * kills it (SIGKILL), stops it (SIGTERM, the shutdown hook closes the engine) and starts it again
 * on the same data directory.
 */
final class NodeProcess implements AutoCloseable {

    static final String ADMIN_PASSWORD = "crash-test-admin-2026";
    static final ObjectMapper JSON = CareLoop.jsonMapper();

    private final Path dataDir;
    private final int port;
    private final Process process;

    private NodeProcess(Path dataDir, int port, Process process) {
        this.dataDir = dataDir;
        this.port = port;
        this.process = process;
    }

    /** Starts the jar on {@code dataDir} and waits until /health answers (bounded). */
    static NodeProcess start(Path dataDir, Map<String, String> moreEnv) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("careloop.jar", "target/careloop.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the package phase builds it before failsafe runs");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("CARELOOP_DATA_DIR", dataDir.toAbsolutePath().toString());
        pb.environment().put("CARELOOP_HTTP_PORT", String.valueOf(port));
        pb.environment().put("CARELOOP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        pb.environment().put("CARELOOP_PLUGINS_DIR", Path.of("target", "plugins").toAbsolutePath().toString());
        pb.environment().put("CARELOOP_BCRYPT_COST", "4");
        pb.environment().putAll(moreEnv);
        Files.createDirectories(dataDir);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("node.log").toFile()));
        NodeProcess node = new NodeProcess(dataDir, port, pb.start());
        node.awaitHealth(120);
        return node;
    }

    URI base() {
        return URI.create("http://localhost:" + port);
    }

    /** A new API token of {@code admin}, made through the API as an operator would. */
    String adminToken() {
        ApiClient session = new ApiClient(base(), JSON).loggedIn("admin", ADMIN_PASSWORD);
        ApiClient.Response token = session.post("/api/v1/auth/tokens", Map.of("name", "crash test " + System.nanoTime()));
        if (token.status() != 201) {
            throw new AssertionError("no token: " + token);
        }
        return token.json().path("token").asText();
    }

    /** A client with a new API token of {@code admin}. */
    ApiClient admin() {
        return new ApiClient(base(), JSON).withToken(adminToken());
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the node did not die");
        }
    }

    /** SIGTERM: the shutdown hook stops the web server and closes the engine and the database. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException("the node did not stop within 60 s of SIGTERM");
        }
    }

    /** The H2 file database of {@code dataDir}, opened by the test once no node runs on it. */
    static Connection database(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("careloop"), "sa", "");
    }

    /** The node's console and log, for a failure message. */
    String log() {
        try {
            String all = Files.readString(dataDir.resolve("node.log"));
            return all.length() > 6000 ? all.substring(all.length() - 6000) : all;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitHealth(int seconds) throws InterruptedException {
        ApiClient probe = new ApiClient(base(), JSON);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the node exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (probe.get("/health").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("no /health within " + seconds + " s:\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
