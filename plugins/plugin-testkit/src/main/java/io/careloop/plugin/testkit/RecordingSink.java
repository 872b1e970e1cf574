package io.careloop.plugin.testkit;

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
 * An intake sink that records what a plugin hands it and answers like the engine's import ledger:
 * a source key seen before is a duplicate (with the ticket it made), a new ticket gets the next
 * number from CL-2026-000101 on, and a customer's reply lands on the ticket it names.
 */
public class RecordingSink implements IntakeSink {

    /** A record the plugin refused: which field, and why. */
    public record Rejected(RawRecord raw, String field, String message) {
    }

    /** Accepted items, in order, with the raw records they came from at the same index. */
    public final List<InboundItem> accepted = new ArrayList<>();
    public final List<RawRecord> acceptedRaw = new ArrayList<>();
    /** Source keys handed in again. */
    public final List<String> duplicates = new ArrayList<>();
    public final List<Rejected> rejected = new ArrayList<>();
    /** Causes of the items the plugin reported as ignored, in order ({@code auto-reply}, {@code bounce}, …). */
    public final List<String> ignored = new ArrayList<>();
    /** Addresses the plugin reported as failing, as {@code channel:address}. */
    public final List<String> failingAddresses = new ArrayList<>();

    @Override
    public void ignored(RawRecord raw, String reason, String detail) {
        ignored.add(reason);
    }

    @Override
    public void deliveryFailed(String channel, String address, String bouncedMessageId, String reason) {
        failingAddresses.add(channel + ":" + address);
    }
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
        acceptedRaw.add(raw);
        return IntakeOutcome.accepted(ticket);
    }

    @Override
    public IntakeOutcome reject(RawRecord raw, String field, String message) {
        rejected.add(new Rejected(raw, field, message));
        return IntakeOutcome.rejected(field, message);
    }

    /** The accepted items of one kind, e.g. {@code sink.accepted(CallRecord.class)}. */
    public <T extends InboundItem> List<T> accepted(Class<T> kind) {
        return accepted.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    public List<NewTicket> newTickets() {
        return accepted(NewTicket.class);
    }

    public List<CustomerReply> replies() {
        return accepted(CustomerReply.class);
    }
}
