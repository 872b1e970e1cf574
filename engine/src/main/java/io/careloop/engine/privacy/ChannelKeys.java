package io.careloop.engine.privacy;

import io.careloop.engine.intake.ErasedKey;
import io.careloop.engine.intake.LedgerEntry;
import io.careloop.engine.process.Tx;
import io.careloop.engine.ticket.Ticket;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the channels kept about a person outside their tickets' texts: the import ledger's source
 * keys (a call id can hold the caller's number, a Message-ID an address) and the interactions'
 * message ids become their {@link ErasedKey} (re-imports still find them as duplicates); quarantined
 * raw items naming the person get the pseudonym in place of their identifiers.
 */
final class ChannelKeys {

    private ChannelKeys() {
    }

    /** The number of keys and quarantined items rewritten. */
    static int erase(Tx t, List<Ticket> tickets, Collection<String> identifiers, Scrub scrub) {
        PrivacyMapper m = t.mapper(PrivacyMapper.class);
        List<String> needles = identifiers.stream().map(String::strip).filter(s -> s.length() > 1)
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        int changed = 0;
        for (LedgerEntry e : m.ledgerOf(tickets.stream().map(Ticket::number).toList(), needles)) {
            String key = ErasedKey.of(e.sourceKey());
            String detail = scrub.pseudonymise(e.detail());
            if (!key.equals(e.sourceKey()) || !Objects.equals(detail, e.detail())) {
                changed += m.rewriteLedger(e.id(), key, detail);
            }
        }
        for (Ticket ticket : tickets) {
            for (Map<String, Object> row : m.externalIds(ticket.id())) {
                String id = (String) column(row, "external_id");
                if (!ErasedKey.of(id).equals(id)) {
                    changed += m.rewriteExternalId(((Number) column(row, "id")).longValue(), ErasedKey.of(id));
                }
            }
        }
        for (Map<String, Object> row : m.quarantineNaming(needles)) {
            changed += m.rewriteQuarantine(((Number) column(row, "id")).longValue(),
                    scrub.pseudonymise((String) column(row, "raw")), scrub.pseudonymise((String) column(row, "message")));
        }
        return changed;
    }

    /** A column of a map row: H2 names it in upper case, PostgreSQL in lower case. */
    static Object column(Map<String, Object> row, String name) {
        Object v = row.get(name.toUpperCase(Locale.ROOT));
        return v != null ? v : row.get(name.toLowerCase(Locale.ROOT));
    }
}
