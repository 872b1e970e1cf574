package io.careloop.engine.ticket.count;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.config.Settings;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.TestCareLoop;
import io.careloop.engine.testing.TestDatabases.Kind;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.QueueCounts;
import io.careloop.engine.ticket.Severity;
import io.careloop.engine.ticket.TicketFilters;
import io.careloop.engine.ticket.TicketQuery;
import io.careloop.engine.ticket.TicketScope;
import io.careloop.engine.ticket.TicketSort;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two CareLoop nodes on one PostgreSQL: intakes, claims and resolutions on both at once, both nodes
 * folding in the background and one folding in a loop besides. No write waits for another on a
 * count row (the write path only inserts), nothing is counted twice or lost by concurrent folds, and
 * both nodes answer the same counts, equal to the tickets the pages list.
 */
class QueueCountsTwoNodesIT {

    private static final int WRITERS = 4;
    private static final int TICKETS_EACH = 12;

    @Test
    void twoNodesWritingAndFoldingAtOnceBothCountWhatThePagesList() throws Exception {
        Settings settings = TestCareLoop.settings(Kind.POSTGRES, getClass().getSimpleName());
        try (CareLoop a = CareLoop.start(settings, Clock.systemUTC()); CareLoop b = CareLoop.start(settings, Clock.systemUTC())) {
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
            AtomicBoolean writing = new AtomicBoolean(true);
            try {
                Future<?> folder = pool.submit(() -> {
                    while (writing.get()) {
                        b.queueCounts().fold();
                    }
                    return null;
                });
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    CareLoop node = w % 2 == 0 ? a : b;
                    int writer = w;
                    writers.add(pool.submit(() -> {
                        for (int i = 0; i < TICKETS_EACH; i++) {
                            String number = node.intake().intake(Drafts.ticket("two nodes " + writer + "/" + i,
                                    Category.SERVICE_PROCESS, Severity.LOW), "api", Drafts.unique("k"), "count-test")
                                    .ticket().number();
                            if (i % 2 == 0) {
                                node.tickets().claim(number, "agent-" + writer, null);
                            }
                            if (i % 3 == 0) {
                                node.tickets().resolve(number, "done", "agent-" + writer, null);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : writers) {
                    f.get();
                }
                writing.set(false);
                folder.get();
            } finally {
                pool.shutdownNow();
            }

            QueueCounts onA = a.tickets().queueCounts("agent-0", TicketScope.ALL);
            QueueCounts onB = b.tickets().queueCounts("agent-0", TicketScope.ALL);
            assertThat(onB).isEqualTo(onA);
            long open = openTickets(a, null, false);
            assertThat(onA.byQueue().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(open);
            // of 12 tickets per writer, 4 resolved (i = 0, 3, 6, 9): 8 open each
            assertThat(open).isEqualTo(WRITERS * 8L);
            assertThat(onA.mine()).isEqualTo(openTickets(a, "agent-0", false));
            assertThat(onA.unassigned()).isEqualTo(openTickets(a, null, true));

            a.queueCounts().fold();
            assertThat(b.tickets().queueCounts("agent-0", TicketScope.ALL)).isEqualTo(onA);
        }
    }

    private static long openTickets(CareLoop node, String assignee, boolean unassigned) {
        return node.tickets().page(new TicketQuery(null, null, assignee, null, null, null, null, TicketSort.DUE, null,
                TicketQuery.MAX_LIMIT, null, new TicketFilters(null, null, null, null, true, unassigned)), TicketScope.ALL)
                .items().size();
    }
}
