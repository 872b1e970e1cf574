package io.careloop.engine.plugin.testplugins;

import io.careloop.plugin.api.InboundSource;
import io.careloop.plugin.api.PluginSettings;
import io.careloop.plugin.api.PollContext;
import java.time.Duration;
import org.pf4j.Extension;

/** A deliberately broken source for the isolation tests: every poll throws. */
@Extension
public class ThrowingSource implements InboundSource {

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public Duration pollInterval(PluginSettings settings) {
        return Duration.ofMinutes(1);
    }

    @Override
    public void poll(PollContext context) {
        throw new IllegalStateException("mailbox unreachable (deliberately broken test plugin)");
    }
}
