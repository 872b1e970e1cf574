package io.careloop.engine.plugin.testplugins;

import io.careloop.plugin.api.ImportContext;
import io.careloop.plugin.api.InboundSource;
import io.careloop.plugin.api.PluginSettings;
import io.careloop.plugin.api.PollContext;
import java.time.Duration;
import org.pf4j.Extension;

/** A deliberately broken source for the isolation tests: every call hangs until interrupted. */
@Extension
public class HangingSource implements InboundSource {

    @Override
    public String channel() {
        return "chat";
    }

    @Override
    public Duration pollInterval(PluginSettings settings) {
        return Duration.ofMinutes(1);
    }

    @Override
    public void poll(PollContext context) throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }

    @Override
    public boolean imports() {
        return true;
    }

    @Override
    public void importStream(ImportContext context) throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }
}
