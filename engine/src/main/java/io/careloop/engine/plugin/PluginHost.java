package io.careloop.engine.plugin;

import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.error.NotFoundException;
import io.careloop.engine.process.Transactions;
import io.careloop.plugin.api.ImportPreset;
import io.careloop.plugin.api.InboundSource;
import io.careloop.plugin.api.OutboundChannel;
import io.careloop.plugin.api.PluginSettings;
import io.careloop.plugin.api.SettingsField;
import io.careloop.plugin.api.SettingsSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads channel plugins with PF4J from the plugins directory and manages them at runtime:
 * start, stop, enable, disable, upload and reload. Everything the engine asks of a plugin goes
 * through its extension points ({@link InboundSource}, {@link OutboundChannel}), never through a
 * plugin's classes. Lifecycle changes are serialised; a plugin that fails to start is left
 * {@code failed} and the others go on.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
    private static final Pattern ARCHIVE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}\\.(jar|zip)");

    private final Path dir;
    private final PluginSwitches switches;
    private final HostPluginManager pf4j;
    private final PluginSettingsStore settings;
    private final Map<String, SourceHealth> health = new ConcurrentHashMap<>();
    private final PluginArchiveCheck.Limits archiveLimits = PluginArchiveCheck.Limits.DEFAULTS;
    private final ArchiveChecksums checksums = new ArchiveChecksums();

    public PluginHost(Path dir, Transactions tx, PluginSettingsStore settings, Clock clock) {
        this.dir = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.dir);
        } catch (IOException e) {
            LOG.warn("plugins.dir-unavailable dir={} cause={}", this.dir, e.toString());
        }
        this.switches = new PluginSwitches(tx, clock);
        this.pf4j = new HostPluginManager(this.dir, switches);
        this.settings = settings;
    }

    /** Loads every plugin of the directory and starts the enabled ones. */
    public synchronized void loadAll() {
        pf4j.loadPlugins();
        pf4j.startPlugins();
        for (PluginWrapper w : pf4j.getPlugins()) {
            LOG.info("plugin.loaded plugin={} version={} state={}", w.getPluginId(), w.getDescriptor().getVersion(),
                    state(w));
        }
    }

    public Path directory() {
        return dir;
    }

    public synchronized List<PluginInfo> list() {
        List<PluginInfo> out = new ArrayList<>();
        for (PluginWrapper w : pf4j.getPlugins()) {
            out.add(info(w));
        }
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return out;
    }

    public synchronized PluginInfo get(String id) {
        return info(wrapper(id));
    }

    public synchronized PluginInfo start(String id, String actor) {
        PluginWrapper w = wrapper(id);
        if (w.getPluginState() == PluginState.DISABLED) {
            throw new ConflictException("plugin " + id + " is disabled; enable it first");
        }
        PluginState s = pf4j.startPlugin(id);
        LOG.info("plugin.started plugin={} state={} by={}", id, s, actor);
        return get(id);
    }

    public synchronized PluginInfo stop(String id, String actor) {
        wrapper(id);
        pf4j.stopPlugin(id);
        LOG.info("plugin.stopped plugin={} by={}", id, actor);
        return get(id);
    }

    public synchronized PluginInfo enable(String id, String actor) {
        wrapper(id);
        switches.by(actor);
        pf4j.enablePlugin(id);
        pf4j.startPlugin(id);
        LOG.info("plugin.enabled plugin={} by={}", id, actor);
        return get(id);
    }

    public synchronized PluginInfo disable(String id, String actor) {
        wrapper(id);
        switches.by(actor);
        pf4j.disablePlugin(id);
        LOG.info("plugin.disabled plugin={} by={}", id, actor);
        return get(id);
    }

    /** Unloads the plugin and loads it again from its archive (e.g. after the file was replaced). */
    public synchronized PluginInfo reload(String id, String actor) {
        Path archive = wrapper(id).getPluginPath();
        pf4j.unloadPlugin(id);
        String loaded = pf4j.loadPlugin(archive);
        if (!pf4j.getPlugin(loaded).getPluginState().isDisabled()) {
            pf4j.startPlugin(loaded);
        }
        health.keySet().removeIf(k -> k.startsWith(id + "/"));
        LOG.info("plugin.reloaded plugin={} by={}", loaded, actor);
        return get(loaded);
    }

    /**
     * Installs an uploaded plugin archive (.jar or .zip) into the plugins directory, replacing the
     * plugin with the same id, and starts it. The bytes are streamed to a temporary file first,
     * so a broken upload never replaces a working plugin.
     */
    public synchronized PluginInfo upload(String fileName, InputStream content, String actor) {
        String name = fileName == null ? "" : Path.of(fileName).getFileName().toString();
        if (!ARCHIVE.matcher(name).matches()) {
            throw new InvalidInputException("file", "a plugin is a .jar or .zip file with a plain name, got '" + name + "'");
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "upload-", ".part");
            copyAtMost(content, tmp, archiveLimits.archiveBytes());
            PluginArchiveCheck.check(tmp, archiveLimits);
            Path target = dir.resolve(name);
            String replaced = null;
            for (PluginWrapper w : pf4j.getPlugins()) {
                if (w.getPluginPath().toAbsolutePath().normalize().equals(target)) {
                    replaced = w.getPluginId();
                }
            }
            if (replaced != null) {
                pf4j.unloadPlugin(replaced);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            String id;
            try {
                id = pf4j.loadPlugin(target);
            } catch (RuntimeException e) {
                Files.deleteIfExists(target);
                throw new InvalidInputException("file", "not a loadable plugin: " + e.getMessage());
            }
            if (id == null) {
                Files.deleteIfExists(target);
                throw new InvalidInputException("file", "not a loadable plugin (no descriptor, or a plugin with its id is loaded)");
            }
            if (!pf4j.getPlugin(id).getPluginState().isDisabled()) {
                pf4j.startPlugin(id);
            }
            PluginInfo info = get(id);
            LOG.info("plugin.uploaded plugin={} file={} sha256={} by={}", id, name, info.sha256(), actor);
            return info;
        } catch (IOException e) {
            throw new IllegalStateException("cannot store the uploaded plugin", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a left-over .part file is harmless: PF4J loads only .jar and .zip
                }
            }
        }
    }

    /** What an uploaded plugin archive may be (size, entries, inflated size, compression ratio). */
    public PluginArchiveCheck.Limits archiveLimits() {
        return archiveLimits;
    }

    private static void copyAtMost(InputStream content, Path target, long limit) throws IOException {
        try (java.io.OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = content.read(buffer)) >= 0) {
                total += n;
                if (total > limit) {
                    throw new InvalidInputException("file", "plugin archive refused: larger than " + limit + " bytes");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    /** The inbound sources of a started plugin (none when it is not started). */
    public List<InboundSource> sources(String id) {
        PluginWrapper w = pf4j.getPlugin(id);
        if (w == null || w.getPluginState() != PluginState.STARTED) {
            return List.of();
        }
        return pf4j.getExtensions(InboundSource.class, id);
    }

    public List<OutboundChannel> outbound(String id) {
        PluginWrapper w = pf4j.getPlugin(id);
        if (w == null || w.getPluginState() != PluginState.STARTED) {
            return List.of();
        }
        return pf4j.getExtensions(OutboundChannel.class, id);
    }

    /** The ids of the started plugins. */
    public synchronized List<String> started() {
        List<String> ids = new ArrayList<>();
        for (PluginWrapper w : pf4j.getStartedPlugins()) {
            ids.add(w.getPluginId());
        }
        return ids;
    }

    public ClassLoader loaderOf(String id) {
        return pf4j.getPluginClassLoader(id);
    }

    /** The plugin's settings form: the fields of all its extensions, first declaration of a key wins. */
    public SettingsSchema schema(String id) {
        Map<String, SettingsField> fields = new LinkedHashMap<>();
        for (InboundSource s : sources(id)) {
            s.settingsSchema().fields().forEach(f -> fields.putIfAbsent(f.key(), f));
        }
        for (OutboundChannel c : outbound(id)) {
            c.settingsSchema().fields().forEach(f -> fields.putIfAbsent(f.key(), f));
        }
        return new SettingsSchema(new ArrayList<>(fields.values()));
    }

    public PluginSettings settingsOf(String id) {
        return settings.settingsFor(id, schema(id));
    }

    public PluginSettingsStore settingsStore() {
        return settings;
    }

    SourceHealth health(String id, InboundSource source) {
        return health.computeIfAbsent(id + "/" + source.getClass().getName(), k -> new SourceHealth());
    }

    private PluginWrapper wrapper(String id) {
        PluginWrapper w = id == null ? null : pf4j.getPlugin(id);
        if (w == null) {
            throw new NotFoundException("no plugin " + id);
        }
        return w;
    }

    private PluginInfo info(PluginWrapper w) {
        String id = w.getPluginId();
        Set<String> channels = new LinkedHashSet<>();
        boolean polls = false;
        boolean imports = false;
        List<ImportPreset> presets = new ArrayList<>();
        int failures = 0;
        String lastError = w.getFailedException() == null ? null : w.getFailedException().toString();
        java.time.Instant next = null;
        List<String> missing = List.of();
        if (w.getPluginState() == PluginState.STARTED) {
            PluginSettings current = null;
            try {
                current = settingsOf(id);
                missing = settings.missing(id, schema(id));
            } catch (RuntimeException e) {
                lastError = "settings: " + e.getMessage();
            }
            for (InboundSource s : sources(id)) {
                try {
                    channels.add(s.channel());
                    polls |= current != null && s.pollInterval(current) != null;
                    imports |= s.imports();
                    presets.addAll(s.presets());
                } catch (RuntimeException e) {
                    lastError = s.getClass().getSimpleName() + ": " + e;
                }
                SourceHealth h = health(id, s);
                failures = Math.max(failures, h.failures());
                if (h.lastError() != null) {
                    lastError = h.lastError();
                }
                if (h.nextAt() != null && (next == null || h.nextAt().isBefore(next))) {
                    next = h.nextAt();
                }
            }
            for (OutboundChannel c : outbound(id)) {
                try {
                    channels.add(c.channel());
                } catch (RuntimeException e) {
                    lastError = c.getClass().getSimpleName() + ": " + e;
                }
            }
        }
        return new PluginInfo(id, w.getDescriptor().getVersion(), state(w), w.getPluginState() != PluginState.DISABLED,
                w.getDescriptor().getPluginDescription(), w.getDescriptor().getProvider(), w.getDescriptor().getRequires(),
                List.copyOf(channels), polls, imports, presets, failures, lastError, next, missing,
                checksums.of(w.getPluginPath()));
    }

    private static String state(PluginWrapper w) {
        return w.getPluginState().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public synchronized void close() {
        try {
            pf4j.stopPlugins();
            pf4j.unloadPlugins();
        } catch (RuntimeException e) {
            LOG.warn("plugins.stop-failed cause={}", e.toString());
        }
    }

    /** Time limits of calls into plugins. */
    public record Limits(Duration call, Duration importRun, Duration maxBackoff) {
        public static Limits defaults() {
            return new Limits(Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofHours(1));
        }
    }
}
