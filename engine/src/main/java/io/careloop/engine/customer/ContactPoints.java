package io.careloop.engine.customer;

import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.process.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Whether messages to a customer's address get through. A channel reports a delivery failure (an
 * e-mail bounce); the address is then marked failing, the mark is audited on every customer who has
 * it, and the customer API shows it, so an agent knows to call instead of writing.
 */
public final class ContactPoints {

    public static final String FAILING = "failing";

    private final Transactions tx;
    private final AuditTrail audit;
    private final Clock clock;

    public ContactPoints(Transactions tx, AuditTrail audit, Clock clock) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The status of one address.
     *
     * @param messageId the id of our message that bounced, or null
     */
    public record Status(String channel, String address, String status, String reason, String messageId, Instant since) {
    }

    /** Marks {@code address} on {@code channel} as failing (again: the newest failure wins). */
    public void markFailing(String channel, String address, String messageId, String reason, String actor) {
        String a = normal(address);
        if (a.isEmpty() || a.length() > 320) {
            return;
        }
        String why = reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason;
        String id = messageId == null || messageId.length() > 500 ? null : messageId;
        tx.write(t -> {
            ContactPointMapper m = t.mapper(ContactPointMapper.class);
            m.delete(channel, a);
            m.insert(new Status(channel, a, FAILING, why, id, clock.instant()));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put(channel + "Status", FAILING);
            after.put("reason", why);
            for (Long customer : m.customersWithEmail(a)) {
                audit.record(t, actor, "customer.contact-failing", "customer", String.valueOf(customer), null, after, null);
            }
            return null;
        });
    }

    /** The status of a customer's e-mail address, or null when nothing failed. */
    public Status email(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        return tx.read(s -> s.getMapper(ContactPointMapper.class).find("email", normal(address)));
    }

    private static String normal(String address) {
        return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    }
}
