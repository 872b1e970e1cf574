package io.careloop.engine.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Databases for tests: a fresh in-memory H2 per call, or a fresh database on one embedded
 * PostgreSQL server per JVM (started from Maven's copy of the binaries; no install needed).
 */
public final class TestDatabases {

    /** The databases every database-sensitive test runs on. */
    public enum Kind { H2, POSTGRES }

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** A JDBC URL, user and password of an empty database of the given kind. */
    public record Db(String url, String user, String password) {
    }

    public static Db fresh(Kind kind, String name) {
        String unique = name.replaceAll("[^A-Za-z0-9]", "_").toLowerCase() + "_" + COUNTER.incrementAndGet();
        return switch (kind) {
            case H2 -> new Db("jdbc:h2:mem:" + unique + "_" + UUID.randomUUID().toString().substring(0, 8)
                    + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
            case POSTGRES -> createPostgresDatabase(unique);
        };
    }

    private static Db createPostgresDatabase(String dbName) {
        EmbeddedPostgres pg = postgres();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + dbName);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + dbName, e);
        }
        return new Db(pg.getJdbcUrl("postgres", dbName), "postgres", "postgres");
    }

    private static EmbeddedPostgres postgres() {
        if (postgres == null) {
            synchronized (TestDatabases.class) {
                if (postgres == null) {
                    try {
                        postgres = EmbeddedPostgres.builder()
                                .setServerConfig("max_connections", "300")
                                .setServerConfig("fsync", "off")
                                .setServerConfig("synchronous_commit", "off")
                                .start();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
                    }
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            postgres.close();
                        } catch (IOException ignored) {
                            // the JVM is going away
                        }
                    }));
                }
            }
        }
        return postgres;
    }
}
