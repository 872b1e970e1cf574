package io.careloop.web.plugin;

import io.careloop.engine.plugin.ImportRun;
import io.careloop.engine.plugin.Rejection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Import runs and quarantined items as the API shows them. */
final class ImportJson {

    private ImportJson() {
    }

    static Map<String, Object> of(ImportRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", r.id());
        m.put("plugin", r.pluginId());
        m.put("status", r.status());
        m.put("read", r.read());
        m.put("accepted", r.accepted());
        m.put("duplicate", r.duplicate());
        m.put("rejected", r.rejected());
        m.put("ignored", r.ignored());
        m.put("ignoredReasons", reasons(r.ignoredReasons()));
        m.put("attempts", r.attempts());
        m.put("nextAttemptAt", r.nextAttemptAt());
        m.put("progress", r.progress());
        m.put("fileName", r.fileName());
        m.put("preset", r.preset());
        m.put("error", r.error());
        m.put("replayOf", r.replayOf());
        m.put("createdBy", r.createdBy());
        m.put("createdAt", r.createdAt());
        m.put("finishedAt", r.finishedAt());
        return m;
    }

    /** {@code auto-reply=1;bounce=2} as {@code {"auto-reply": 1, "bounce": 2}}. */
    private static Map<String, Long> reasons(String pairs) {
        Map<String, Long> m = new LinkedHashMap<>();
        if (pairs != null) {
            for (String pair : pairs.split(";")) {
                int eq = pair.lastIndexOf('=');
                if (eq > 0) {
                    m.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
                }
            }
        }
        return m;
    }

    /** The quarantined item with its message and raw input through {@code text} (the reader's masking). */
    static Map<String, Object> of(Rejection r, UnaryOperator<String> text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("row", r.position());
        m.put("field", r.field());
        m.put("message", text.apply(r.message()));
        m.put("raw", text.apply(r.raw()));
        m.put("state", r.state());
        m.put("replayRun", r.replayRun());
        return m;
    }
}
