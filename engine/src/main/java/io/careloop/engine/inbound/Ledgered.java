package io.careloop.engine.inbound;

import io.careloop.engine.db.Sql;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.intake.ImportLedgerMapper;
import io.careloop.engine.intake.LedgerEntry;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.process.Tx;
import io.careloop.plugin.api.IntakeOutcome;
import java.time.Clock;
import java.util.function.Function;
import org.apache.ibatis.exceptions.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records an inbound item that is not a new ticket (a call, a reply, a survey response) together
 * with its row in the import ledger, in one transaction: a second delivery of the item, even a
 * concurrent one, is answered as a duplicate and changes nothing.
 */
public final class Ledgered {

    private static final Logger LOG = LoggerFactory.getLogger(Ledgered.class);
    private static final int ATTEMPTS = 4;

    private final Transactions tx;
    private final Clock clock;

    public Ledgered(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** The outcome recorded earlier for (source, key), or null when the item is new. */
    public IntakeOutcome seen(String source, String key) {
        LedgerEntry seen = tx.read(s -> s.getMapper(ImportLedgerMapper.class).find(source, key));
        return seen == null ? null : IntakeOutcome.duplicate(seen.ticketNumber());
    }

    /**
     * Runs {@code work} once for (source, key). {@code work} returns the ticket number the item
     * landed on, or null when it concerns no ticket; an exception from it rolls everything back.
     */
    public IntakeOutcome once(String source, String key, String detail, Function<Tx, String> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.write(t -> {
                    ImportLedgerMapper ledger = t.mapper(ImportLedgerMapper.class);
                    LedgerEntry seen = ledger.find(source, key);
                    if (seen != null) {
                        return IntakeOutcome.duplicate(seen.ticketNumber());
                    }
                    String number = work.apply(t);
                    ledger.insert(new LedgerEntry(null, source, key, "accepted", number, detail, clock.instant()));
                    return IntakeOutcome.accepted(number);
                });
            } catch (PersistenceException | ConflictException e) {
                if (Sql.violates(e, "uq_import_ledger_source_key")) {
                    IntakeOutcome earlier = seen(source, key);
                    return earlier != null ? earlier : IntakeOutcome.duplicate(null);
                }
                boolean retriable = e instanceof ConflictException || Sql.isLockConflict(e);
                if (!retriable || attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debug("inbound item retried source={} attempt={}", source, attempt);
            }
        }
    }
}
