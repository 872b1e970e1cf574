package io.careloop.engine.plugin;

import io.careloop.engine.process.Transactions;
import java.time.Clock;
import org.pf4j.PluginStatusProvider;

/** Enabled / disabled per plugin, in table plugin_switch; a plugin without a row is enabled. */
final class PluginSwitches implements PluginStatusProvider {

    private final Transactions tx;
    private final Clock clock;
    private volatile String actor = "system";

    PluginSwitches(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** Who the next change is made by (PF4J's interface carries no actor). */
    void by(String who) {
        this.actor = who;
    }

    @Override
    public boolean isPluginDisabled(String pluginId) {
        Boolean enabled = tx.read(s -> s.getMapper(PluginMapper.class).enabled(pluginId));
        return enabled != null && !enabled;
    }

    @Override
    public void disablePlugin(String pluginId) {
        set(pluginId, false);
    }

    @Override
    public void enablePlugin(String pluginId) {
        set(pluginId, true);
    }

    private void set(String pluginId, boolean enabled) {
        tx.write(t -> {
            PluginMapper m = t.mapper(PluginMapper.class);
            m.deleteSwitch(pluginId);
            m.insertSwitch(pluginId, enabled, actor, clock.instant());
            return null;
        });
    }
}
