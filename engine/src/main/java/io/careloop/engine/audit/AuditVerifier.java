package io.careloop.engine.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Walks the sealed audit chain in order and names the first broken link: an event whose columns
 * no longer give its hash (edited), whose prev_hash is not the previous event's hash (re-linked),
 * a missing place (deleted), or a chain that ends before the head says it does (deleted tail).
 * Reads only, so the command-line check can run it against a database it does not own.
 *
 * <p>A redacted event (form 2, {@code redacted_by} set: its personal data was erased) is checked by
 * its stored digests only, and must be named in the {@code redactedEvents} of the later event that
 * recorded the redaction; a redaction no such event names is reported like an edit.
 */
public final class AuditVerifier {

    static final int PAGE = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqlSessionFactory sessions;

    public AuditVerifier(SqlSessionFactory sessions) {
        this.sessions = sessions;
    }

    public AuditVerification verify() {
        try (SqlSession s = sessions.openSession(true)) {
            AuditMapper m = s.getMapper(AuditMapper.class);
            ChainHead head = m.head();
            long unsealed = m.countUnsealed();
            long expected = 1;
            String prev = ChainHead.GENESIS;
            // redacted events (id -> [seq, redacted_by]) not yet named by the event that redacted them
            Map<Long, long[]> unconfirmed = new LinkedHashMap<>();
            List<ChainRow> page;
            do {
                page = m.chainAfter(expected - 1, PAGE);
                for (ChainRow e : page) {
                    AuditVerification.BrokenLink broken = check(e, expected, prev);
                    if (broken != null) {
                        return new AuditVerification(false, expected - 1, unsealed, broken, head.lastSeq(), head.lastHash());
                    }
                    if (e.redactedBy() != null) {
                        unconfirmed.put(e.id(), new long[] {expected, e.redactedBy()});
                    }
                    confirmRedactions(e, unconfirmed);
                    prev = e.hash();
                    expected++;
                }
            } while (page.size() == PAGE);
            long checked = expected - 1;
            if (!unconfirmed.isEmpty()) {
                Map.Entry<Long, long[]> first = unconfirmed.entrySet().iterator().next();
                return new AuditVerification(false, first.getValue()[0] - 1, unsealed, new AuditVerification.BrokenLink(
                        first.getValue()[0], first.getKey(), "it is marked redacted by event " + first.getValue()[1]
                        + ", which does not name it: it was changed"), head.lastSeq(), head.lastHash());
            }
            if (checked != head.lastSeq() || !prev.equals(head.lastHash())) {
                String problem = checked < head.lastSeq()
                        ? "the chain ends at " + checked + " but its head says " + head.lastSeq() + ": events were removed"
                        : "the chain head (" + head.lastSeq() + ") does not match its last event";
                return new AuditVerification(false, checked, unsealed,
                        new AuditVerification.BrokenLink(Math.min(checked + 1, Math.max(head.lastSeq(), 1)), null, problem),
                        head.lastSeq(), head.lastHash());
            }
            return new AuditVerification(true, checked, unsealed, null, head.lastSeq(), head.lastHash());
        }
    }

    private static AuditVerification.BrokenLink check(ChainRow e, long expected, String prev) {
        if (e.chainSeq() != expected) {
            return new AuditVerification.BrokenLink(expected, null,
                    "no event at place " + expected + " (the next is " + e.chainSeq() + "): an event was removed");
        }
        if (!prev.equals(e.prevHash())) {
            return new AuditVerification.BrokenLink(expected, e.id(), "its prev_hash is not the hash of the event before");
        }
        if (!AuditChain.hash(expected, e, prev).equals(e.hash()) || !contentMatchesDigests(e)) {
            return new AuditVerification.BrokenLink(expected, e.id(), "its content does not match its hash: it was changed");
        }
        return null;
    }

    /** Form 2: the texts must still give their digests, unless the event's personal data was redacted. */
    private static boolean contentMatchesDigests(ChainRow e) {
        if (e.hashForm() == null || e.hashForm() != AuditChain.DIGEST_FORM || e.redactedBy() != null) {
            return true;
        }
        return java.util.Objects.equals(AuditChain.digest(e.beforeState()), e.beforeDigest())
                && java.util.Objects.equals(AuditChain.digest(e.afterState()), e.afterDigest())
                && java.util.Objects.equals(AuditChain.digest(e.reason()), e.reasonDigest());
    }

    /** A redaction event names the events it redacted in {@code after_state.redactedEvents}. */
    private static void confirmRedactions(ChainRow e, Map<Long, long[]> unconfirmed) {
        if (unconfirmed.isEmpty() || e.afterState() == null || !e.afterState().contains("redactedEvents")) {
            return;
        }
        try {
            JsonNode ids = JSON.readTree(e.afterState()).path("redactedEvents");
            for (JsonNode id : ids) {
                long[] pending = unconfirmed.get(id.asLong());
                if (pending != null && pending[1] == e.id()) {
                    unconfirmed.remove(id.asLong());
                }
            }
        } catch (IOException notJson) {
            // not a redaction record: nothing to confirm
        }
    }
}
