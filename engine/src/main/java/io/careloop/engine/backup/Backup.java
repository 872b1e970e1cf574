package io.careloop.engine.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One online backup of the H2 database: a zip holding the database file, restorable by unzipping
 * it into an empty data directory (docs/operations.md).
 *
 * @param name    the file's name, e.g. {@code careloop-20261201T101500123Z.zip}
 * @param file    where it is, under the data directory's {@code backups/}
 * @param bytes   its size
 * @param takenAt when the backup was taken (the database as of then)
 */
public record Backup(String name, Path file, long bytes, Instant takenAt) {

    public Backup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(takenAt, "takenAt");
    }
}
