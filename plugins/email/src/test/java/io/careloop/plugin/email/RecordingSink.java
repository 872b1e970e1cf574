package io.careloop.plugin.email;

import io.careloop.plugin.api.CustomerReply;
import io.careloop.plugin.api.InboundItem;
import io.careloop.plugin.api.IntakeOutcome;
import io.careloop.plugin.api.IntakeSink;
import io.careloop.plugin.api.NewTicket;
import io.careloop.plugin.api.RawRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An intake sink that records what it receives and answers like the engine's ledger: a source
 * key seen before is a duplicate. New tickets get numbers CL-2026-000101, …
 */
public class RecordingSink implements IntakeSink {

    public final List<InboundItem> accepted = new ArrayList<>();
    public final List<RawRecord> rawOfAccepted = new ArrayList<>();
    public final List<String> duplicates = new ArrayList<>();
    public final List<String> rejections = new ArrayList<>();
    private final Map<String, String> ledger = new HashMap<>();

    @Override
    public IntakeOutcome accept(InboundItem item, RawRecord raw) {
        String known = ledger.get(item.sourceKey());
        if (known != null) {
            duplicates.add(item.sourceKey());
            return IntakeOutcome.duplicate(known);
        }
        String ticket = item instanceof CustomerReply reply && reply.ticketNumber() != null
                ? reply.ticketNumber()
                : "CL-2026-%06d".formatted(101 + ledger.size());
        ledger.put(item.sourceKey(), ticket);
        accepted.add(item);
        rawOfAccepted.add(raw);
        return IntakeOutcome.accepted(ticket);
    }

    @Override
    public IntakeOutcome reject(RawRecord raw, String field, String message) {
        rejections.add(raw.position() + ": " + message);
        return IntakeOutcome.rejected(field, message);
    }

    public List<NewTicket> newTickets() {
        return accepted.stream().filter(NewTicket.class::isInstance).map(NewTicket.class::cast).toList();
    }

    public List<CustomerReply> replies() {
        return accepted.stream().filter(CustomerReply.class::isInstance).map(CustomerReply.class::cast).toList();
    }
}
