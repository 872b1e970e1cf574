package io.careloop.bench;

import io.careloop.engine.config.SettingsLoader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The databases of the suite: H2 files as CareLoop's default URL opens them, or databases in one
 * embedded PostgreSQL 17 server (io.zonky, started in this JVM, its default durability settings:
 * fsync and synchronous commit on, as a production server).
 */
final class Databases implements AutoCloseable {

    record Db(String url, String user, String password) {
    }

    private final String kind;
    private final Path dir;
    private EmbeddedPostgres postgres;

    Databases(String kind, Path dir) {
        if (!kind.equals("h2") && !kind.equals("pg")) {
            throw new IllegalArgumentException("bench.db is h2 or pg, got " + kind);
        }
        this.kind = kind;
        this.dir = dir;
    }

    String kind() {
        return kind;
    }

    /** A new, empty database called {@code name}. */
    Db create(String name) throws IOException, SQLException {
        if (kind.equals("h2")) {
            return new Db("jdbc:h2:file:" + dir.resolve(name).resolve("careloop").toAbsolutePath() + SettingsLoader.H2_OPTIONS,
                    "sa", "");
        }
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata")).setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "200").start();
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new Db(postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
    }

    /**
     * The raw JDBC baseline: single-row inserts of a ticket-sized row (number, subject, text, three
     * indexed columns), each its own commit, from one thread: what the database itself does per
     * second before any Java framework adds work. Answers inserts per second.
     */
    static double rawInsertRate(Db db, int rows) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_raw (id BIGINT PRIMARY KEY, number VARCHAR(32) NOT NULL, subject VARCHAR(500), "
                        + "description VARCHAR(8000), queue VARCHAR(64), status VARCHAR(16), created_at TIMESTAMP)");
                s.execute("CREATE UNIQUE INDEX ix_bench_raw_number ON bench_raw (number)");
                s.execute("CREATE INDEX ix_bench_raw_queue ON bench_raw (queue, status, created_at)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_raw VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
                int warm = Math.min(rows, 500);
                insert(c, p, 0, warm);
                long t0 = System.nanoTime();
                insert(c, p, warm, warm + rows);
                return rows / ((System.nanoTime() - t0) / 1e9);
            }
        }
    }

    private static void insert(Connection c, PreparedStatement p, int from, int to) throws SQLException {
        for (int i = from; i < to; i++) {
            p.setLong(1, i);
            p.setString(2, "CL-RAW-" + i);
            p.setString(3, "subject of ticket " + i);
            p.setString(4, "A description of one to three sentences, about as long as a ticket's, for row " + i + ".");
            p.setString(5, "queue-" + (i % 5));
            p.setString(6, "new");
            p.executeUpdate();
            c.commit();
        }
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
