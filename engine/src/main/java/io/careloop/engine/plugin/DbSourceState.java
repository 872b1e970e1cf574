package io.careloop.engine.plugin;

import io.careloop.engine.process.Transactions;
import io.careloop.plugin.api.SourceState;

/** A source's {@link SourceState} in table plugin_source_state. */
final class DbSourceState implements SourceState {

    private final Transactions tx;
    private final String pluginId;
    private final String source;

    DbSourceState(Transactions tx, String pluginId, String source) {
        this.tx = tx;
        this.pluginId = pluginId;
        this.source = source.length() > 200 ? source.substring(source.length() - 200) : source;
    }

    @Override
    public String get(String key) {
        return tx.read(s -> s.getMapper(PluginMapper.class).state(pluginId, source, key));
    }

    @Override
    public void put(String key, String value) {
        if (key == null || key.isEmpty() || key.length() > 200) {
            throw new IllegalArgumentException("a state key is 1 to 200 characters");
        }
        if (value != null && value.length() > 4000) {
            throw new IllegalArgumentException("a state value is at most 4000 characters");
        }
        tx.write(t -> {
            PluginMapper m = t.mapper(PluginMapper.class);
            if (value == null) {
                m.deleteState(pluginId, source, key);
            } else if (m.updateState(pluginId, source, key, value) == 0) {
                m.insertState(pluginId, source, key, value);
            }
            return null;
        });
    }
}
