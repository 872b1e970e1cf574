package io.careloop.engine.privacy;

import io.careloop.engine.attachment.TicketAttachments;
import io.careloop.engine.audit.AuditRedaction;
import io.careloop.engine.audit.AuditSealer;
import io.careloop.engine.customer.Customer;
import io.careloop.engine.customer.CustomerMapper;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.NotFoundException;
import io.careloop.engine.error.ReasonRequiredException;
import io.careloop.engine.interaction.Interaction;
import io.careloop.engine.interaction.InteractionMapper;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.process.Tx;
import io.careloop.engine.ticket.RegulatedRecords;
import io.careloop.engine.ticket.Ticket;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erasure of a person on request (PIPL art. 47, GDPR art. 17): the customer's fields are replaced by
 * a pseudonym; their non-regulated tickets lose every text (subject, description, what was said);
 * their regulated records (adverse event, medication error, product quality, or a suspected adverse
 * event) are kept, as the law requires, with the person's identifiers in their texts replaced by the
 * pseudonym; the audit events about all of these are rewritten alike (see {@link AuditRedaction}),
 * and one audit event records the erasure, its reason and the events it rewrote. One transaction.
 */
public final class Erasure {

    private static final Logger LOG = LoggerFactory.getLogger(Erasure.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What was done, without personal data: the pseudonym, the tickets erased and kept, the audit events rewritten. */
    public record Result(long customerId, String pseudonym, List<String> ticketsErased, List<String> regulatedKept,
                         int auditEventsRedacted, int auditEventsNotRedacted, int processValuesRewritten,
                         int channelKeysErased, int attachmentsChanged) {
    }

    private final Transactions tx;
    private final AuditRedaction redaction;
    private final AuditSealer sealer;
    private final Clock clock;
    private final ProcessDataScrub processData;
    private final TicketAttachments attachments;

    public Erasure(Transactions tx, AuditRedaction redaction, AuditSealer sealer, ProcessDataScrub processData,
                   TicketAttachments attachments, Clock clock) {
        this.tx = tx;
        this.attachments = attachments;
        this.processData = processData;
        this.redaction = redaction;
        this.sealer = sealer;
        this.clock = clock;
    }

    public Result erase(long customerId, String reason, String actor) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new ReasonRequiredException("erasing a person needs a reason (1 to 2000 characters): the request it answers");
        }
        // events committed a moment ago are sealed first, so they can be rewritten too
        sealer.sealPending();
        Result r = tx.write(t -> erase(t, customerId, reason.strip(), actor));
        LOG.info("privacy.erased customer={} tickets={} regulatedKept={} auditRedacted={} by={}", customerId,
                r.ticketsErased().size(), r.regulatedKept().size(), r.auditEventsRedacted(), actor);
        return r;
    }

    /** Regulated records keep their narrative (pseudonymised); a suspected adverse event counts as one. */
    static boolean regulated(Ticket t) {
        return RegulatedRecords.regulated(t) || Boolean.TRUE.equals(t.adverseEventSuspected());
    }

    private Result erase(Tx t, long customerId, String reason, String actor) {
        Customer c = t.mapper(CustomerMapper.class).findById(customerId);
        if (c == null) {
            throw new NotFoundException("no customer " + customerId);
        }
        PrivacyMapper m = t.mapper(PrivacyMapper.class);
        if (m.erasedAt(customerId) != null) {
            throw new ConflictException("customer " + customerId + " is already erased");
        }
        String pseudonym = "pseudonym-" + HexFormat.of().formatHex(bytes());
        List<String> identifiers = List.of(nz(c.name()), nz(c.email()), nz(c.phone()));
        Scrub scrub = new Scrub(identifiers, pseudonym);
        Instant now = clock.instant();
        List<String> erased = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        Set<String> regulatedNumbers = new java.util.HashSet<>();
        int processValues = 0;
        int attachmentsChanged = 0;
        List<AuditRedaction.Entity> entities = new ArrayList<>();
        entities.add(new AuditRedaction.Entity("customer", String.valueOf(customerId)));
        for (Ticket ticket : m.ticketsOfCustomer(customerId)) {
            boolean keep = regulated(ticket);
            rewriteTicket(t, ticket, scrub, !keep, now);
            processValues += processData.rewrite(t, ticket.number(), scrub, !keep);
            // files of an erased ticket go with its texts; a regulated record keeps them, renamed
            attachmentsChanged += attachments.scrub(t, ticket.id(), !keep, scrub::pseudonymise);
            (keep ? kept : erased).add(ticket.number());
            if (keep) {
                regulatedNumbers.add(ticket.number());
            }
            entities.add(new AuditRedaction.Entity("ticket", ticket.number()));
        }
        m.pseudonymiseCustomer(customerId, pseudonym, now);
        int channelKeys = ChannelKeys.erase(t, m.ticketsOfCustomer(customerId), identifiers, scrub);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("pseudonym", pseudonym);
        summary.put("ticketsErased", erased);
        summary.put("regulatedKept", kept);
        summary.put("processValuesRewritten", processValues);
        summary.put("channelKeysErased", channelKeys);
        summary.put("attachmentsChanged", attachmentsChanged);
        AuditRedaction.Result audit = redaction.redact(t, entities, new AuditRedaction.Rewrite() {
            @Override
            public String snapshot(AuditRedaction.Entity about, String json) {
                return scrub.snapshot(json, !regulatedNumbers.contains(about.id()) || !about.type().equals("ticket"));
            }

            @Override
            public String reason(AuditRedaction.Entity about, String why) {
                return about.type().equals("ticket") && !regulatedNumbers.contains(about.id()) ? scrub.erase(why)
                        : scrub.pseudonymise(why);
            }
        }, actor, "customer.erased", "customer", String.valueOf(customerId), summary, reason);
        return new Result(customerId, pseudonym, List.copyOf(erased), List.copyOf(kept), audit.redacted().size(),
                audit.notRedacted(), processValues, channelKeys, attachmentsChanged);
    }

    /**
     * Erases ({@code eraseTexts}) or pseudonymises the ticket's texts and everything said on it;
     * false (and nothing changed) when its texts were erased already.
     */
    static boolean rewriteTicket(Tx t, Ticket ticket, Scrub scrub, boolean eraseTexts, Instant now) {
        PrivacyMapper m = t.mapper(PrivacyMapper.class);
        if (m.rewriteTicketTexts(ticket.id(), eraseTexts ? Scrub.ERASED : scrub.pseudonymise(ticket.subject()),
                eraseTexts ? "" : scrub.pseudonymise(ticket.description()), now, eraseTexts ? now : null) == 0) {
            return false;
        }
        for (Interaction i : t.mapper(InteractionMapper.class).forTicket(ticket.id())) {
            m.rewriteInteraction(i.id(), eraseTexts ? Scrub.ERASED : scrub.pseudonymise(i.body()), scrub.pseudonymise(i.author()));
        }
        return true;
    }

    private static byte[] bytes() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
