package io.careloop.web.cluster;

import io.careloop.engine.CareLoop;
import io.careloop.engine.config.Settings;
import io.careloop.engine.testing.TestCareLoop;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.WebServer;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.TestServer;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;

/**
 * N CareLoop nodes on one database, each with its own process engine, job executor, connection
 * pool, plugin host and web server on a random port: Camunda 7's cluster model, in one JVM. The
 * job executors are built but not started, so that a test can make work first and then let
 * every node go at it at the same moment ({@link #startJobExecutors}).
 */
final class Cluster implements AutoCloseable {

    /** One node: its CareLoop and its web server. */
    record Node(String name, CareLoop careLoop, Javalin app) {

        URI base() {
            return URI.create("http://localhost:" + app.port());
        }

        /** A client of this node that sends {@code Authorization: Bearer token}. */
        ApiClient client(String token) {
            return new ApiClient(base(), careLoop.json()).withToken(token);
        }

        JobExecutor jobExecutor() {
            return ((ProcessEngineConfigurationImpl) careLoop.processEngine().getProcessEngineConfiguration())
                    .getJobExecutor();
        }
    }

    private final List<Node> nodes = new ArrayList<>();

    private Cluster() {
    }

    /**
     * Starts {@code count} nodes one after the other (the first migrates the schema and deploys the
     * processes; the others find them) on one fresh database of {@code kind}.
     *
     * @param plugins a directory of plugin archives each node loads (copied per node), or null
     */
    static Cluster start(TestDatabases.Kind kind, String name, int count, Path plugins) {
        Settings shared = TestCareLoop.settings(kind, name);
        Cluster cluster = new Cluster();
        try {
            for (int i = 1; i <= count; i++) {
                Path pluginsDir = plugins == null ? shared.pluginsDir() : copyOf(plugins, "node-" + i);
                Settings s = new Settings(0, shared.dataDir().resolve("node-" + i), shared.dbUrl(), shared.dbUser(),
                        shared.dbPassword(), 12, pluginsDir, false, null, false, shared.autoCloseAfter(),
                        shared.sessionIdle(), shared.sessionAbsolute(), shared.bcryptCost());
                CareLoop careLoop = CareLoop.start(s, Clock.systemUTC());
                Javalin app;
                try {
                    app = WebServer.create(careLoop).start(0);
                } catch (RuntimeException e) {
                    careLoop.close();
                    throw e;
                }
                cluster.nodes.add(new Node("node-" + i, careLoop, app));
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    List<Node> nodes() {
        return nodes;
    }

    Node node(int i) {
        return nodes.get(i);
    }

    /** Starts the job executor of every node, as close to the same moment as threads allow. */
    void startJobExecutors() {
        nodes.parallelStream().forEach(n -> n.jobExecutor().start());
    }

    /** Stops the job executor of every node (the timers a test made are done; the next test runs without them). */
    void stopJobExecutors() {
        nodes.forEach(n -> n.jobExecutor().shutdown());
    }

    /** A user with one role in {@code teams}, made on the first node (the database is shared); answers an API token. */
    String tokenFor(String username, Role role, String... teams) {
        CareLoop first = nodes.get(0).careLoop();
        var user = first.users().create(username, username, TestServer.PASSWORD, EnumSet.of(role), List.of(teams), "test");
        return first.users().createToken(user, "cluster test", null).secret();
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            try {
                n.app().stop();
            } finally {
                n.careLoop().close();
            }
        }
        nodes.clear();
    }

    private static Path copyOf(Path plugins, String node) {
        try {
            Path dir = Files.createTempDirectory("careloop-" + node + "-plugins");
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(plugins, "*.jar")) {
                for (Path jar : jars) {
                    Files.copy(jar, dir.resolve(jar.getFileName()));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the plugins for " + node, e);
        }
    }
}
