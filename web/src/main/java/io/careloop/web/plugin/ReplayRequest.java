package io.careloop.web.plugin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What to replay of a run: the ids of some open rejections (none = all of them), and corrected
 * raw text by rejection id.
 */
public record ReplayRequest(List<Long> rejections, Map<String, String> corrected) {

    List<Long> rejectionIds() {
        return rejections == null ? List.of() : rejections;
    }

    Map<Long, String> correctedById() {
        Map<Long, String> out = new HashMap<>();
        if (corrected != null) {
            for (Map.Entry<String, String> e : corrected.entrySet()) {
                try {
                    out.put(Long.parseLong(e.getKey()), e.getValue() == null ? "" : e.getValue());
                } catch (NumberFormatException ex) {
                    throw new io.careloop.engine.error.InvalidInputException("corrected",
                            "corrected is keyed by rejection id, got '" + e.getKey() + "'");
                }
            }
        }
        return out;
    }
}
