package io.careloop.engine.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Properties;

/**
 * Reads {@link Settings}: built-in defaults ({@code careloop-defaults.properties}), then the file
 * named by {@code CARELOOP_CONFIG} or {@code ./careloop.properties} if present, then environment
 * variables. A property {@code careloop.db.url} is overridden by {@code CARELOOP_DB_URL}.
 */
public final class SettingsLoader {

    private SettingsLoader() {
    }

    public static Settings load(Map<String, String> env) {
        return fromProperties(properties(env), env);
    }

    /**
     * The retention policy ({@code careloop.retention.closed-tickets}, {@code careloop.retention.regulated}
     * ("never" or a duration), {@code careloop.retention.scheduled}) from the same sources as {@link #load}.
     */
    public static io.careloop.engine.privacy.RetentionPolicy retention(Map<String, String> env) {
        return retentionFrom(properties(env), env);
    }

    static io.careloop.engine.privacy.RetentionPolicy retentionFrom(Properties props, Map<String, String> env) {
        Lookup get = lookup(props, env);
        String regulated = orElse(get.value("careloop.retention.regulated"), "never");
        return new io.careloop.engine.privacy.RetentionPolicy(
                duration(get, "careloop.retention.closed-tickets", "P1095D"),
                regulated.equalsIgnoreCase("never") ? null : duration(get, "careloop.retention.regulated", regulated),
                bool(get, "careloop.retention.scheduled", true));
    }

    /**
     * The login throttle ({@code careloop.login.window}, {@code careloop.login.max-failures-per-account},
     * {@code careloop.login.max-failures-per-address}) from the same sources as {@link #load}.
     */
    public static io.careloop.engine.user.LoginPolicy loginPolicy(Map<String, String> env) {
        return loginPolicyFrom(properties(env), env);
    }

    static io.careloop.engine.user.LoginPolicy loginPolicyFrom(Properties props, Map<String, String> env) {
        Lookup get = lookup(props, env);
        return new io.careloop.engine.user.LoginPolicy(duration(get, "careloop.login.window", "PT15M"),
                integer(get, "careloop.login.max-failures-per-account", 5),
                integer(get, "careloop.login.max-failures-per-address", 50));
    }

    /**
     * The attachment limits ({@code careloop.attachments.max-file-mb}, {@code careloop.attachments.max-ticket-mb})
     * from the same sources as {@link #load}.
     */
    public static io.careloop.engine.attachment.AttachmentLimits attachmentLimits(Map<String, String> env) {
        Lookup get = lookup(properties(env), env);
        long mb = 1024L * 1024;
        return new io.careloop.engine.attachment.AttachmentLimits(integer(get, "careloop.attachments.max-file-mb", 25) * mb,
                integer(get, "careloop.attachments.max-ticket-mb", 100) * mb);
    }

    /**
     * The job executor's sizing ({@code careloop.job-executor.core-threads}, {@code .max-threads},
     * {@code .queue-size}, {@code .max-jobs-per-acquisition}, {@code .lock-time}, {@code .wait-time},
     * {@code .max-wait}; environment {@code CARELOOP_JOB_EXECUTOR_CORE_THREADS} and so on) from the
     * same sources as {@link #load}.
     */
    public static JobExecutorSettings jobExecutor(Map<String, String> env) {
        return jobExecutorFrom(properties(env), env);
    }

    static JobExecutorSettings jobExecutorFrom(Properties props, Map<String, String> env) {
        Lookup get = lookup(props, env);
        JobExecutorSettings d = JobExecutorSettings.DEFAULTS;
        return new JobExecutorSettings(
                integer(get, "careloop.job-executor.core-threads", d.coreThreads()),
                integer(get, "careloop.job-executor.max-threads", d.maxThreads()),
                integer(get, "careloop.job-executor.queue-size", d.queueSize()),
                integer(get, "careloop.job-executor.max-jobs-per-acquisition", d.maxJobsPerAcquisition()),
                duration(get, "careloop.job-executor.lock-time", d.lockTime().toString()),
                duration(get, "careloop.job-executor.wait-time", d.waitTime().toString()),
                duration(get, "careloop.job-executor.max-wait", d.maxWait().toString()));
    }

    private static Properties properties(Map<String, String> env) {
        Properties props = new Properties();
        try (InputStream in = SettingsLoader.class.getResourceAsStream("/careloop-defaults.properties")) {
            if (in == null) {
                throw new IllegalStateException("careloop-defaults.properties is missing from the classpath");
            }
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in defaults", e);
        }
        Path file = Path.of(env.getOrDefault("CARELOOP_CONFIG", "careloop.properties"));
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read configuration file " + file.toAbsolutePath(), e);
            }
        }
        return props;
    }

    /**
     * The settings of the default H2 file URL: one process owns the file (no AUTO_SERVER); a writer
     * waits up to 10 s for a row another holds; one intake prepares more statements than H2's
     * default cache of 8 keeps; WRITE_DELAY=0 writes every commit to the file before the commit
     * returns (H2's default of 500 ms lost the last second of committed tickets when the process was
     * killed: CrashIT, docs/operations.md). Public for the bench, which opens its databases as
     * CareLoop does.
     */
    public static final String H2_OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=256;WRITE_DELAY=0";

    private static Lookup lookup(Properties props, Map<String, String> env) {
        return key -> {
            String envName = "CARELOOP_" + key.substring("careloop.".length()).replace('.', '_').replace('-', '_').toUpperCase();
            String v = env.get(envName);
            return v != null && !v.isBlank() ? v.trim() : trimToNull(props.getProperty(key));
        };
    }

    static Settings fromProperties(Properties props, Map<String, String> env) {
        Lookup get = lookup(props, env);
        Path dataDir = Path.of(orElse(get.value("careloop.data.dir"), "./data"));
        String dbUrl = get.value("careloop.db.url");
        if (dbUrl == null) {
            dbUrl = "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("careloop") + H2_OPTIONS;
        }
        return new Settings(
                integer(get, "careloop.http.port", 8080),
                dataDir,
                dbUrl,
                orElse(get.value("careloop.db.user"), dbUrl.startsWith("jdbc:h2:") ? "sa" : null),
                orElse(get.value("careloop.db.password"), ""),
                integer(get, "careloop.db.pool-size", 16),
                Path.of(orElse(get.value("careloop.plugins.dir"), defaultPluginsDir())),
                bool(get, "careloop.demo", false),
                get.value("careloop.admin.password"),
                bool(get, "careloop.job-executor", true),
                duration(get, "careloop.auto-close-after", "P7D"),
                duration(get, "careloop.session.idle", "PT30M"),
                duration(get, "careloop.session.absolute", "PT12H"),
                integer(get, "careloop.bcrypt.cost", 10));
    }

    /**
     * Started from the repository root, the bundled plugins the build produced sit in
     * {@code web/target/plugins}; a packaged installation keeps them in {@code ./plugins}.
     */
    private static String defaultPluginsDir() {
        Path built = Path.of("web", "target", "plugins");
        return Files.isDirectory(built) ? built.toString() : "plugins";
    }

    private static int integer(Lookup get, String key, int fallback) {
        String v = get.value(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'");
        }
    }

    private static boolean bool(Lookup get, String key, boolean fallback) {
        String v = get.value(key);
        if (v == null) {
            return fallback;
        }
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got '" + v + "'");
        };
    }

    private static Duration duration(Lookup get, String key, String fallback) {
        String v = orElse(get.value(key), fallback);
        try {
            return Duration.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 duration like PT30M or P7D, got '" + v + "'");
        }
    }

    private static String orElse(String v, String fallback) {
        return v == null ? fallback : v;
    }

    private static String trimToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    @FunctionalInterface
    private interface Lookup {
        String value(String key);
    }
}
