package io.careloop.engine.audit;

import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Walks the sealed audit chain in order and names the first broken link: an event whose columns
 * no longer give its hash (edited), whose prev_hash is not the previous event's hash (re-linked),
 * a missing place (deleted), or a chain that ends before the head says it does (deleted tail).
 * Reads only, so the command-line check can run it against a database it does not own.
 */
public final class AuditVerifier {

    static final int PAGE = 200;

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
            List<ChainRow> page;
            do {
                page = m.chainAfter(expected - 1, PAGE);
                for (ChainRow e : page) {
                    AuditVerification.BrokenLink broken = check(e, expected, prev);
                    if (broken != null) {
                        return new AuditVerification(false, expected - 1, unsealed, broken, head.lastSeq(), head.lastHash());
                    }
                    prev = e.hash();
                    expected++;
                }
            } while (page.size() == PAGE);
            long checked = expected - 1;
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
        if (!AuditChain.hash(expected, e, prev).equals(e.hash())) {
            return new AuditVerification.BrokenLink(expected, e.id(), "its content does not match its hash: it was changed");
        }
        return null;
    }
}
