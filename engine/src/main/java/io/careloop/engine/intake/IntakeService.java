package io.careloop.engine.intake;

import io.careloop.engine.customer.Customer;
import io.careloop.engine.customer.CustomerService;
import io.careloop.engine.db.GeneratedKey;
import io.careloop.engine.db.Sql;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.process.TicketProcess;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.process.Tx;
import io.careloop.engine.ticket.Ticket;
import io.careloop.engine.ticket.TicketMapper;
import io.careloop.engine.ticket.TicketNumbers;
import io.careloop.engine.ticket.TicketService;
import io.careloop.engine.ticket.TicketStatus;
import io.careloop.engine.customer.CustomerMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.apache.ibatis.exceptions.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Intake: one inbound item becomes one ticket, atomically. In a single transaction it records
 * the item in the import ledger, matches or creates the customer, inserts the ticket, writes the
 * audit event and starts ticket-lifecycle (which classifies the ticket before the command ends).
 * The same (source, source key) a second time changes nothing and answers with the first ticket.
 */
public final class IntakeService {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);
    private static final int ATTEMPTS = 4;

    private final Transactions tx;
    private final CustomerService customers;
    private final TicketService tickets;
    private final TicketProcess process;
    private final Clock clock;
    private final GroupCommit<IntakeResult> groups;

    public IntakeService(Transactions tx, CustomerService customers, TicketService tickets, TicketProcess process,
                         Clock clock) {
        this(tx, customers, tickets, process, clock, GroupCommit.DEFAULT_MAX_GROUP_SIZE, GroupCommit.DEFAULT_MAX_RUNNING);
    }

    /**
     * @param maxGroupSize concurrent intakes committed in one transaction at most (1 = each alone)
     * @param maxGroups    such transactions in flight at once
     */
    public IntakeService(Transactions tx, CustomerService customers, TicketService tickets, TicketProcess process,
                         Clock clock, int maxGroupSize, int maxGroups) {
        this.tx = tx;
        this.customers = customers;
        this.tickets = tickets;
        this.process = process;
        this.clock = clock;
        this.groups = new GroupCommit<>(tx, maxGroupSize, maxGroups);
    }

    /**
     * Opens a ticket for {@code draft}.
     *
     * @param source    who hands the item in: {@code api}, a plugin id
     * @param sourceKey the source's identity of the item (Idempotency-Key, Message-ID); null = none
     * @param actor     the user or plugin, for the audit trail
     */
    public IntakeResult intake(TicketDraft draft, String source, String sourceKey, String actor) {
        return intake(draft, source, sourceKey, actor, null);
    }

    /**
     * As {@link #intake(TicketDraft, String, String, String)}, with more work for the new ticket
     * in the same transaction ({@code alsoInTx} gets the ticket number; not called for a duplicate):
     * the item's attachments.
     */
    public IntakeResult intake(TicketDraft draft, String source, String sourceKey, String actor,
                               BiConsumer<Tx, String> alsoInTx) {
        if (sourceKey != null && (sourceKey.isBlank() || sourceKey.length() > 500)) {
            throw new InvalidInputException("sourceKey", "an idempotency key must be 1 to 500 characters");
        }
        // concurrent intakes share one commit; if their group fails, this one runs again alone (GroupCommit)
        return groups.run(t -> intakeOnce(t, draft, source, sourceKey, actor, alsoInTx),
                () -> intakeAlone(draft, source, sourceKey, actor, alsoInTx));
    }

    private IntakeResult intakeAlone(TicketDraft draft, String source, String sourceKey, String actor,
                                     BiConsumer<Tx, String> alsoInTx) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.write(t -> intakeOnce(t, draft, source, sourceKey, actor, alsoInTx));
            } catch (PersistenceException | ConflictException e) {
                if (sourceKey != null && Sql.violates(e, "uq_import_ledger_source_key")) {
                    IntakeResult earlier = earlier(source, sourceKey);
                    if (earlier != null) {
                        return earlier;
                    }
                }
                // a conflict is another intake changing the same row (the sender's customer) first: try again
                boolean retriable = e instanceof ConflictException || Sql.isUniqueViolation(e) || Sql.isLockConflict(e);
                if (!retriable || attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debug("intake retried source={} attempt={} cause={}", source, attempt, e.toString());
            }
        }
    }

    private IntakeResult intakeOnce(Tx t, TicketDraft draft, String source, String sourceKey, String actor,
                                    BiConsumer<Tx, String> alsoInTx) {
        ImportLedgerMapper ledger = t.mapper(ImportLedgerMapper.class);
        if (sourceKey != null) {
            LedgerEntry seen = ledger.find(source, sourceKey);
            if (seen != null) {
                return new IntakeResult(t.mapper(TicketMapper.class).findByNumber(seen.ticketNumber()), true);
            }
        }
        Instant now = clock.instant();
        TicketMapper ticketMapper = t.mapper(TicketMapper.class);
        String number = TicketNumbers.format(now, ticketMapper.nextNumber());
        if (sourceKey != null) {
            // first, so that a concurrent intake of the same item fails here, before doing any work
            ledger.insert(new LedgerEntry(null, source, sourceKey, "accepted", number, null, now));
        }
        Customer customer = null;
        if (draft.customerId() != null) {
            customer = t.mapper(CustomerMapper.class).findById(draft.customerId());
            if (customer == null) {
                throw new InvalidInputException("customerId", "no customer " + draft.customerId());
            }
        } else if (draft.customer() != null) {
            customer = customers.matchOrCreate(t, draft.customer(), actor);
        }
        Instant received = draft.receivedAt() != null && draft.receivedAt().isBefore(now) ? draft.receivedAt() : now;
        Ticket ticket = new Ticket(null, number, draft.subject(), draft.description(), draft.channel(), draft.category(),
                draft.severity(), null, TicketStatus.NEW, null, null, customer == null ? null : customer.id(),
                draft.product(), draft.lot(), source, received, now, null, null, null, null, null, 0, null, now, 0);
        GeneratedKey key = new GeneratedKey();
        ticketMapper.insert(ticket, key);
        // the audit snapshot of the new row needs no read back: only the id comes from the database
        tickets.recordCreated(t, ticket.withId(key.getId()), actor);

        String processInstanceId = process.start(number, draft.category(), draft.severity(),
                customer == null ? null : customer.tier(), draft.channel().code(), draft.text());
        Ticket done = tickets.linkProcessAfterIntake(t, number, processInstanceId, actor);
        if (alsoInTx != null) {
            alsoInTx.accept(t, number);
        }
        t.afterCommit(() -> LOG.info("ticket.created ticket={} source={} category={} queue={}", number, source,
                done.category() == null ? null : done.category().code(), done.queue()));
        return new IntakeResult(done, false);
    }

    /** Intakes queued for the next group commit (tests wait for a group to form). */
    int waitingForGroup() {
        return groups.waiting();
    }

    /** True when (source, key) is in the import ledger already (a read outside any transaction). */
    public boolean seen(String source, String sourceKey) {
        return tx.read(s -> s.getMapper(ImportLedgerMapper.class).find(source, sourceKey)) != null;
    }

    private IntakeResult earlier(String source, String sourceKey) {
        return tx.read(s -> {
            LedgerEntry seen = s.getMapper(ImportLedgerMapper.class).find(source, sourceKey);
            return seen == null ? null
                    : new IntakeResult(s.getMapper(TicketMapper.class).findByNumber(seen.ticketNumber()), true);
        });
    }
}
