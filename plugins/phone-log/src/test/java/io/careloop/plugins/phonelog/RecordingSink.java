package io.careloop.plugins.phonelog;

import io.careloop.plugin.api.InboundItem;
import io.careloop.plugin.api.IntakeOutcome;
import io.careloop.plugin.api.IntakeSink;
import io.careloop.plugin.api.RawRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A sink as the engine answers it, without the engine: a key seen before is a duplicate. */
final class RecordingSink implements IntakeSink {

    record Rejected(RawRecord raw, String field, String message) {
    }

    final List<InboundItem> accepted = new ArrayList<>();
    final List<RawRecord> acceptedRaw = new ArrayList<>();
    final List<Rejected> rejected = new ArrayList<>();
    int duplicates;
    private final Set<String> keys = new HashSet<>();

    @Override
    public IntakeOutcome accept(InboundItem item, RawRecord raw) {
        if (!keys.add(item.sourceKey())) {
            duplicates++;
            return IntakeOutcome.duplicate(null);
        }
        accepted.add(item);
        acceptedRaw.add(raw);
        return IntakeOutcome.accepted(null);
    }

    @Override
    public IntakeOutcome reject(RawRecord raw, String field, String message) {
        rejected.add(new Rejected(raw, field, message));
        return IntakeOutcome.rejected(field, message);
    }
}
