package io.careloop.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careloop.engine.CareLoop;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.process.Tx;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases.Kind;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Group commit (GroupCommit): intakes handed in while another commits share one transaction, each
 * still all-or-nothing, and one bad item in a group fails only itself.
 */
class IntakeGroupCommitIT {

    private static final int QUEUED = 5;
    private static final long NO_SUCH_CUSTOMER = 987_654_321L;

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @OnEveryDatabase
    void intakesHandedInWhileAnotherCommitsShareOneTransactionAndAreVisibleWhenTheyReturn(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        Batch batch = new Batch(careLoop, Drafts.unique("group"), -1);

        List<Future<IntakeResult>> queued = batch.run();

        // Then every one was taken in, each in one and the same transaction
        for (int i = 0; i < QUEUED; i++) {
            IntakeResult r = queued.get(i).get(30, TimeUnit.SECONDS);
            assertThat(r.duplicate()).isFalse();
            assertThat(r.ticket().queue()).isNotNull();
            assertThat(batch.transactions.get(i)).hasSize(1);
        }
        assertThat(batch.transactions.values().stream().map(l -> l.get(0)).distinct()).hasSize(1);
        // and each caller found its ticket committed when it got the answer
        assertThat(batch.committedOnReturn).hasSize(QUEUED).containsOnly(1L);
        assertThat(batch.tickets()).isEqualTo(QUEUED + 1);
        assertThat(batch.ledgerRows()).isEqualTo(QUEUED + 1);
        assertThat(batch.processes()).isEqualTo(QUEUED + 1);
    }

    @OnEveryDatabase
    void oneBadItemInAGroupFailsAloneAndTheOthersCommitOnce(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        int bad = 2;
        Batch batch = new Batch(careLoop, Drafts.unique("split"), bad);

        List<Future<IntakeResult>> queued = batch.run();

        // Then the bad item gets its own error
        assertThatThrownBy(() -> queued.get(bad).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("customerId"));
        // and the others were taken in alone, each in a transaction of its own; those the group had
        // reached before the bad item were rolled back with it (the group stops at the failure)
        List<Tx> groupRuns = new ArrayList<>();
        List<Tx> lastRuns = new ArrayList<>();
        for (int i = 0; i < QUEUED; i++) {
            if (i == bad) {
                continue;
            }
            IntakeResult r = queued.get(i).get(30, TimeUnit.SECONDS);
            assertThat(r.duplicate()).isFalse();
            List<Tx> runs = batch.transactions.get(i);
            assertThat(runs).hasSizeBetween(1, 2);
            if (runs.size() == 2) {
                groupRuns.add(runs.get(0));
            }
            lastRuns.add(runs.get(runs.size() - 1));
        }
        assertThat(lastRuns).doesNotHaveDuplicates().doesNotContainAnyElementsOf(groupRuns);
        assertThat(groupRuns.stream().distinct().count()).isLessThanOrEqualTo(1);
        // with nothing left of the group's attempt: one ticket, ledger row and process per good item
        assertThat(batch.tickets()).isEqualTo(QUEUED);
        assertThat(batch.ledgerRows()).isEqualTo(QUEUED);
        assertThat(batch.processes()).isEqualTo(QUEUED);
        assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM audit_event WHERE action = 'ticket.created' AND entity_id IN "
                + "(SELECT number FROM ticket WHERE subject LIKE ?)", batch.name + "%")).isEqualTo(QUEUED);
    }

    /**
     * One intake that holds the commit (its last step waits), {@value #QUEUED} more handed in
     * meanwhile, then the first released: the queued ones form the next group.
     */
    private static final class Batch {
        final CareLoop careLoop;
        final String name;
        final int bad;
        final Map<Integer, List<Tx>> transactions = new ConcurrentHashMap<>();
        final List<Long> committedOnReturn = new CopyOnWriteArrayList<>();

        Batch(CareLoop careLoop, String name, int bad) {
            this.careLoop = careLoop;
            this.name = name;
            this.bad = bad;
        }

        List<Future<IntakeResult>> run() throws Exception {
            IntakeService intake = careLoop.intake();
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(QUEUED + 1);
            try {
                // Given an intake in its transaction, holding the commit
                Future<IntakeResult> first = pool.submit(() -> intake.intake(draft("first", -2), "email", name + "/first",
                        "plugin:email", (t, number) -> {
                            holding.countDown();
                            await(release);
                        }));
                assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
                // When more come in meanwhile
                List<Future<IntakeResult>> queued = new ArrayList<>();
                for (int i = 0; i < QUEUED; i++) {
                    int n = i;
                    queued.add(pool.submit(() -> {
                        IntakeResult r = intake.intake(draft("item " + n, n), "email", name + "/" + n, "plugin:email",
                                (t, number) -> transactions.computeIfAbsent(n, k -> new CopyOnWriteArrayList<>()).add(t));
                        committedOnReturn.add(Rows.count(careLoop, "SELECT COUNT(*) FROM ticket WHERE number = ?",
                                r.ticket().number()));
                        return r;
                    }));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (intake.waitingForGroup() < QUEUED && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertThat(intake.waitingForGroup()).isEqualTo(QUEUED);
                release.countDown();
                assertThat(first.get(30, TimeUnit.SECONDS).duplicate()).isFalse();
                for (Future<IntakeResult> f : queued) {
                    try {
                        f.get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException expectedForTheBadOne) {
                        // asserted by the test
                    }
                }
                return queued;
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }

        private io.careloop.engine.intake.TicketDraft draft(String what, int n) {
            return n == bad
                    ? Drafts.ticket(name + " " + what, Category.SERVICE_PROCESS, Severity.LOW, NO_SUCH_CUSTOMER)
                    : Drafts.ticket(name + " " + what, Drafts.doctor("张医生 " + n, name + "-" + n + "@example-hospital.cn"));
        }

        long tickets() {
            return Rows.count(careLoop, "SELECT COUNT(*) FROM ticket WHERE subject LIKE ?", name + "%");
        }

        long ledgerRows() {
            return Rows.count(careLoop, "SELECT COUNT(*) FROM import_ledger WHERE source = 'email' AND source_key LIKE ?",
                    name + "/%");
        }

        /** Running ticket-lifecycle instances of the batch's tickets, as Camunda's table holds them. */
        long processes() {
            return Rows.count(careLoop, "SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE ID_ = PROC_INST_ID_ AND BUSINESS_KEY_ IN "
                    + "(SELECT number FROM ticket WHERE subject LIKE ? AND process_instance_id = ACT_RU_EXECUTION.ID_)",
                    name + "%");
        }

        private static void await(CountDownLatch latch) {
            try {
                if (!latch.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("not released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
