package io.careloop.engine.customer;

import io.careloop.engine.audit.AuditTrail;
import io.careloop.engine.db.GeneratedKey;
import io.careloop.engine.db.Sql;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.error.NotFoundException;
import io.careloop.engine.process.Transactions;
import io.careloop.engine.process.Tx;
import io.careloop.engine.ticket.TicketMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.ibatis.exceptions.PersistenceException;

/** Customers: create, change, remove, and the match-or-create that intake uses. */
public final class CustomerService {

    private final Transactions tx;
    private final AuditTrail audit;
    private final Clock clock;

    public CustomerService(Transactions tx, AuditTrail audit, Clock clock) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public Customer create(CustomerDraft draft, String actor) {
        return tx.write(t -> insert(t, draft, actor));
    }

    public Customer get(long id) {
        Customer c = tx.read(s -> s.getMapper(CustomerMapper.class).findById(id));
        if (c == null) {
            throw new NotFoundException("no customer " + id);
        }
        return c;
    }

    /** Replaces the customer's fields; {@code expectedVersion} must match the stored one. */
    public Customer update(long id, CustomerDraft draft, int expectedVersion, String actor) {
        return tx.write(t -> {
            CustomerMapper m = t.mapper(CustomerMapper.class);
            Customer before = m.findById(id);
            if (before == null) {
                throw new NotFoundException("no customer " + id);
            }
            Instant now = clock.instant();
            Customer after = new Customer(id, orElse(draft.type(), before.type()), orElse(draft.tier(), before.tier()),
                    draft.name(), draft.organisation(), draft.department(), draft.email(), draft.phone(), draft.owningRep(),
                    before.createdAt(), now, expectedVersion + 1);
            int saved;
            try {
                saved = m.save(after, after.emailKey(), expectedVersion);
            } catch (PersistenceException e) {
                throw emailTakenOr(e, after);
            }
            if (saved == 0) {
                throw new ConflictException("customer " + id + " was changed by someone else (version " + before.version()
                        + ", you sent " + expectedVersion + "); reload and try again");
            }
            audit.record(t, actor, "customer.updated", "customer", String.valueOf(id), before, after, null);
            return after;
        });
    }

    /** Removes a customer who has no tickets; one with tickets is kept for the record. */
    public void delete(long id, int expectedVersion, String actor) {
        tx.write(t -> {
            CustomerMapper m = t.mapper(CustomerMapper.class);
            Customer before = m.findById(id);
            if (before == null) {
                throw new NotFoundException("no customer " + id);
            }
            if (t.mapper(TicketMapper.class).countForCustomer(id) > 0) {
                throw new ConflictException("customer " + id + " has tickets and cannot be deleted");
            }
            if (m.delete(id, expectedVersion) == 0) {
                throw new ConflictException("customer " + id + " was changed by someone else; reload and try again");
            }
            audit.record(t, actor, "customer.deleted", "customer", String.valueOf(id), before, null, null);
            return null;
        });
    }

    /**
     * A page of the directory; {@code text} matches contact data (and a patient's name) only of
     * customers with a ticket in {@code scope}, so probing cannot confirm what the answer masks.
     */
    public List<Customer> page(String text, Long afterId, int limit, io.careloop.engine.ticket.TicketScope scope) {
        if (limit < 1 || limit > 200) {
            throw new InvalidInputException("limit", "limit must be between 1 and 200");
        }
        String pattern = Sql.containsPattern(text);
        return tx.read(s -> s.getMapper(CustomerMapper.class).page(pattern, afterId, limit, scope));
    }

    /**
     * Intake's match-or-create: the customer with the draft's e-mail address, else the first with
     * its phone number, else a new one. A match keeps its data and only gains fields it lacked.
     */
    public Customer matchOrCreate(Tx t, CustomerDraft draft, String actor) {
        CustomerMapper m = t.mapper(CustomerMapper.class);
        String emailKey = draft.email() == null ? null : draft.email().toLowerCase(Locale.ROOT);
        Customer found = emailKey != null ? m.findByEmailKey(emailKey) : null;
        if (found == null && draft.phone() != null) {
            found = m.findFirstByPhone(draft.phone());
        }
        if (found == null) {
            return insert(t, draft, actor);
        }
        Customer filled = new Customer(found.id(), found.type(), found.tier(), orElse(found.name(), draft.name()),
                orElse(found.organisation(), draft.organisation()), orElse(found.department(), draft.department()),
                orElse(found.email(), draft.email()), orElse(found.phone(), draft.phone()),
                orElse(found.owningRep(), draft.owningRep()), found.createdAt(), found.updatedAt(), found.version());
        if (filled.equals(found)) {
            return found;
        }
        Customer merged = new Customer(found.id(), found.type(), found.tier(), filled.name(), filled.organisation(),
                filled.department(), filled.email(), filled.phone(), filled.owningRep(), found.createdAt(),
                clock.instant(), found.version() + 1);
        if (m.save(merged, merged.emailKey(), found.version()) == 0) {
            throw new ConflictException("customer " + found.id() + " changed during intake");
        }
        audit.record(t, actor, "customer.updated", "customer", String.valueOf(found.id()), found, merged, "filled in from intake");
        return merged;
    }

    private Customer insert(Tx t, CustomerDraft draft, String actor) {
        Instant now = clock.instant();
        CustomerType type = orElse(draft.type(), CustomerType.PATIENT);
        Tier tier = orElse(draft.tier(), Tier.C);
        Customer c = new Customer(null, type, tier, draft.name(), draft.organisation(), draft.department(), draft.email(),
                draft.phone(), draft.owningRep(), now, now, 0);
        CustomerMapper m = t.mapper(CustomerMapper.class);
        GeneratedKey key = new GeneratedKey();
        try {
            m.insert(c, c.emailKey(), key);
        } catch (PersistenceException e) {
            throw emailTakenOr(e, c);
        }
        Customer stored = m.findById(key.getId());
        audit.record(t, actor, "customer.created", "customer", String.valueOf(stored.id()), null, stored, null);
        return stored;
    }

    /** The unique e-mail key is the only unique column a customer write can hit: say so plainly. */
    private static RuntimeException emailTakenOr(PersistenceException e, Customer c) {
        if (c.emailKey() != null && Sql.isUniqueViolation(e)) {
            return new ConflictException("a customer with e-mail " + c.email() + " already exists", e);
        }
        return e;
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
