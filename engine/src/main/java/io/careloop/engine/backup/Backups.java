package io.careloop.engine.backup;

import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.config.Settings;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.process.Transactions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online backups of the embedded H2 database while CareLoop runs: H2's {@code BACKUP TO} copies
 * a consistent state of the database file into a zip (writers go on meanwhile; the copy holds what
 * was committed when it started). The H2 file belongs to the running process, so the backup is
 * taken in it, through the API. On PostgreSQL the database server's own tools do this
 * ({@code pg_dump}, docs/operations.md).
 */
public final class Backups {

    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Settings settings;
    private final DataSource dataSource;
    private final Transactions tx;
    private final AuditTrail audit;
    private final Clock clock;

    public Backups(Settings settings, DataSource dataSource, Transactions tx, AuditTrail audit, Clock clock) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** The directory backups go to: {@code backups/} in the data directory. */
    public Path directory() {
        return settings.dataDir().toAbsolutePath().normalize().resolve("backups");
    }

    /** Takes a backup now and records who did in the audit trail. One at a time per node. */
    public synchronized Backup take(String actor) {
        if (settings.postgres()) {
            throw new ConflictException("CareLoop runs on PostgreSQL: back it up with pg_dump (docs/operations.md)");
        }
        if (!settings.dbUrl().startsWith("jdbc:h2:file:")) {
            throw new ConflictException("the database is not an H2 file database: there is no file to back up");
        }
        Instant at = clock.instant();
        String name = "careloop-" + STAMP.format(at) + ".zip";
        Path file = directory().resolve(name);
        try {
            Files.createDirectories(file.getParent());
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                // our own path, quoted as an SQL string literal (BACKUP TO takes no parameter)
                s.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            }
            long bytes = Files.size(file);
            audit.recordAlone(tx, actor, "system.backup", "backup", name);
            LOG.info("backup.taken file={} bytes={} actor={}", file, bytes, actor);
            return new Backup(name, file, bytes, at);
        } catch (SQLException e) {
            throw new IllegalStateException("the backup to " + file + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("the backup to " + file + " failed", e);
        }
    }
}
