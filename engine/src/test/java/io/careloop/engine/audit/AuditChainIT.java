package io.careloop.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestCareLoop;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The audit trail is a hash chain: every committed event gets sealed in order, and editing,
 * deleting or re-linking a row with plain SQL is found and named. Each test has a database of its
 * own, since tampering breaks the chain for good.
 */
class AuditChainIT {

    @OnEveryDatabase
    void everyEventOfParallelIntakesIsSealedIntoOneUnbrokenChain(TestDatabases.Kind db) throws Exception {
        try (CareLoop careLoop = TestCareLoop.start(db, "AuditChainParallel")) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String key = Drafts.unique("chain");
                done.add(pool.submit(() -> careLoop.intake().intake(
                        Drafts.ticket("Chain " + key, Drafts.doctor("Dr " + key, key + "@example.org")), "test", key, "test")));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();

            AuditVerification v = careLoop.verifyAudit();

            long events = Rows.total(careLoop, "audit_event");
            assertThat(events).isGreaterThanOrEqualTo(60);
            assertThat(v.ok()).as("%s", v).isTrue();
            assertThat(v.firstBroken()).isNull();
            assertThat(v.checked()).isEqualTo(events);
            assertThat(v.headSeq()).isEqualTo(events);
            assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM audit_event WHERE chain_seq IS NULL")).isZero();
            assertThat(Rows.count(careLoop, "SELECT COUNT(DISTINCT chain_seq) FROM audit_event")).isEqualTo(events);
            assertThat(Rows.count(careLoop, "SELECT MAX(chain_seq) FROM audit_event")).isEqualTo(events);
        }
    }

    @OnEveryDatabase
    void anEditedEventIsNamedAsTheFirstBrokenLink(TestDatabases.Kind db) {
        try (CareLoop careLoop = TestCareLoop.start(db, "AuditChainEdit")) {
            someHistory(careLoop);
            assertThat(careLoop.verifyAudit().ok()).isTrue();
            long id = Long.parseLong(Rows.string(careLoop, "SELECT id FROM audit_event WHERE chain_seq = 3"));

            execute(careLoop, "UPDATE audit_event SET actor = 'someone-else' WHERE chain_seq = 3");

            AuditVerification v = careLoop.verifyAudit();
            assertThat(v.ok()).isFalse();
            assertThat(v.firstBroken().seq()).isEqualTo(3);
            assertThat(v.firstBroken().eventId()).isEqualTo(id);
            assertThat(v.firstBroken().problem()).contains("changed");
            assertThat(v.checked()).isEqualTo(2);
        }
    }

    @OnEveryDatabase
    void aDeletedEventAndADeletedTailAreFound(TestDatabases.Kind db) {
        try (CareLoop careLoop = TestCareLoop.start(db, "AuditChainDelete")) {
            someHistory(careLoop);
            long last = careLoop.verifyAudit().headSeq();

            execute(careLoop, "DELETE FROM audit_event WHERE chain_seq = " + last);
            AuditVerification tail = careLoop.verifyAudit();
            assertThat(tail.ok()).isFalse();
            assertThat(tail.firstBroken().seq()).isEqualTo(last);
            assertThat(tail.firstBroken().problem()).contains("removed");

            execute(careLoop, "DELETE FROM audit_event WHERE chain_seq = 2");
            AuditVerification middle = careLoop.verifyAudit();
            assertThat(middle.firstBroken().seq()).isEqualTo(2);
            assertThat(middle.firstBroken().eventId()).isNull();
            assertThat(middle.firstBroken().problem()).contains("removed");
        }
    }

    @OnEveryDatabase
    void aRowWhoseHashWasRecomputedStillBreaksTheNextLink(TestDatabases.Kind db) {
        try (CareLoop careLoop = TestCareLoop.start(db, "AuditChainRelink")) {
            someHistory(careLoop);
            careLoop.verifyAudit();

            // an editor who also rewrites the row's own hash: the next event still points at the old one
            execute(careLoop, "UPDATE audit_event SET reason = 'backdated', hash = '"
                    + "f".repeat(64) + "' WHERE chain_seq = 2");

            AuditVerification v = careLoop.verifyAudit();
            assertThat(v.ok()).isFalse();
            assertThat(v.firstBroken().seq()).isEqualTo(2);
        }
    }

    @OnEveryDatabase
    void eventsWrittenAfterAVerificationExtendTheSameChain(TestDatabases.Kind db) {
        try (CareLoop careLoop = TestCareLoop.start(db, "AuditChainExtend")) {
            someHistory(careLoop);
            AuditVerification first = careLoop.verifyAudit();

            someHistory(careLoop);
            AuditVerification second = careLoop.verifyAudit();

            assertThat(second.ok()).isTrue();
            assertThat(second.headSeq()).isGreaterThan(first.headSeq());
            assertThat(Rows.string(careLoop, "SELECT prev_hash FROM audit_event WHERE chain_seq = ?", first.headSeq() + 1))
                    .isEqualTo(first.headHash());
        }
    }

    private static void someHistory(CareLoop careLoop) {
        for (int i = 0; i < 3; i++) {
            String key = Drafts.unique("history");
            careLoop.intake().intake(Drafts.ticket("History " + key, Category.SERVICE_PROCESS, Severity.LOW), "test", key, "test");
        }
    }

    private static void execute(CareLoop careLoop, String sql) {
        try (Connection c = careLoop.database().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
