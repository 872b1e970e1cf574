package io.careloop.engine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * CareLoop's configuration, read once at start (see {@link SettingsLoader}) and passed down by
 * constructors.
 *
 * @param httpPort        port of the web server
 * @param dataDir         where the H2 database and other files live
 * @param dbUrl           JDBC URL; H2 file database in the data dir unless set
 * @param dbUser          database user
 * @param dbPassword      database password
 * @param dbPoolSize      maximum connections in the pool
 * @param pluginsDir      directory PF4J loads plugins from
 * @param demo            load demo data at start
 * @param adminPassword   initial password of {@code admin} when no user exists; null = random
 * @param jobExecutor     run Camunda's job executor (timers) on this node
 * @param autoCloseAfter  how long a resolved ticket waits for a reopen before it closes itself
 * @param sessionIdle     idle time-out of a browser session
 * @param sessionAbsolute absolute lifetime of a browser session
 * @param bcryptCost      bcrypt work factor for passwords
 */
public record Settings(int httpPort, Path dataDir, String dbUrl, String dbUser, String dbPassword,
                       int dbPoolSize, Path pluginsDir, boolean demo, String adminPassword,
                       boolean jobExecutor, Duration autoCloseAfter, Duration sessionIdle,
                       Duration sessionAbsolute, int bcryptCost) {

    public Settings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(dbUrl, "dbUrl");
        Objects.requireNonNull(pluginsDir, "pluginsDir");
        if (httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("http port out of range: " + httpPort);
        }
        if (dbPoolSize < 2) {
            throw new IllegalArgumentException("the pool needs at least 2 connections (engine and job executor), got " + dbPoolSize);
        }
        if (bcryptCost < 4 || bcryptCost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4..31, got " + bcryptCost);
        }
    }

    /** True when the database is PostgreSQL rather than the embedded H2. */
    public boolean postgres() {
        return dbUrl.startsWith("jdbc:postgresql:");
    }

    /** A copy with another database (tests and the bench run one engine per database). */
    public Settings withDatabase(String url, String user, String password) {
        return new Settings(httpPort, dataDir, url, user, password, dbPoolSize, pluginsDir, demo, adminPassword,
                jobExecutor, autoCloseAfter, sessionIdle, sessionAbsolute, bcryptCost);
    }

    public Settings withHttpPort(int port) {
        return new Settings(port, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, pluginsDir, demo, adminPassword,
                jobExecutor, autoCloseAfter, sessionIdle, sessionAbsolute, bcryptCost);
    }

    public Settings withDemo(boolean on) {
        return new Settings(httpPort, dataDir, dbUrl, dbUser, dbPassword, dbPoolSize, pluginsDir, on, adminPassword,
                jobExecutor, autoCloseAfter, sessionIdle, sessionAbsolute, bcryptCost);
    }
}
