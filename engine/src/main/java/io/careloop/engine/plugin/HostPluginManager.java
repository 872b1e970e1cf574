package io.careloop.engine.plugin;

import io.careloop.plugin.api.PluginApi;
import java.nio.file.Path;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginStatusProvider;

/**
 * PF4J's default manager (jar and zip plugins, manifest or properties descriptors) with the
 * plugin API's version as system version, so {@code Plugin-Requires} is checked, and with the
 * enabled/disabled switches kept in the database instead of files in the plugins directory
 * (which may be read-only, and is one per node).
 */
final class HostPluginManager extends DefaultPluginManager {

    HostPluginManager(Path pluginsDir, PluginStatusProvider switches) {
        super(pluginsDir);
        setSystemVersion(PluginApi.VERSION);
        // a plugin that cannot be resolved (wrong API version, missing dependency) is left out, the rest load
        this.resolveRecoveryStrategy = ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE;
        // the constructor already made a file-based provider; ours replaces it before anything is loaded
        this.pluginStatusProvider = switches;
    }
}
