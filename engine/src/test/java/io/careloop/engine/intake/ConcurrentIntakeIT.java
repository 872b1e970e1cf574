package io.careloop.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.customer.Customer;
import io.careloop.engine.customer.CustomerDraft;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases.Kind;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Channel;
import io.careloop.engine.ticket.Severity;
import io.careloop.engine.ticket.Ticket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many channels handing in at once: every item becomes its own, correctly numbered, running ticket. */
class ConcurrentIntakeIT {

    private static final int THREADS = 16;
    private static final int PER_THREAD = 5;

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @OnEveryDatabase
    void simultaneousMailsFromAKnownSenderAllBecomeTicketsWhileTheyFillInWhatTheCustomerLacked(Kind db)
            throws Exception {
        CareLoop careLoop = careLoops.on(db);
        String batch = Drafts.unique("known");
        // known by address only: every mail below brings the name, so every intake wants to fill it in
        Customer known = careLoop.customers().create(new CustomerDraft(null, null, null, null, null,
                batch + "@example-hospital.cn", null, null), "admin");
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Callable<IntakeResult>> mails = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            int n = thread;
            mails.add(() -> {
                start.await(30, TimeUnit.SECONDS);
                CustomerDraft sender = new CustomerDraft(null, null, "王医生 " + n, "协和医院", null, known.email(),
                        "+86 10 6915 " + (1000 + n), null);
                return careLoop.intake().intake(Drafts.ticket(batch + " " + n, sender), "email", batch + "/" + n,
                        "plugin:email");
            });
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<IntakeResult> results = new ArrayList<>();
        try {
            for (Future<IntakeResult> f : pool.invokeAll(mails, 120, TimeUnit.SECONDS)) {
                results.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(results).hasSize(THREADS).allSatisfy(r -> assertThat(r.ticket().customerId()).isEqualTo(known.id()));
        assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM ticket WHERE customer_id = ?", known.id())).isEqualTo(THREADS);
        Customer filledIn = careLoop.customers().get(known.id());
        assertThat(filledIn.name()).startsWith("王医生 ");
        assertThat(filledIn.version()).isEqualTo(1);
    }

    @OnEveryDatabase
    void sixteenConcurrentIntakesGiveDistinctNumbersAndEveryTicketWaitsAtHandle(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        String batch = Drafts.unique("batch");
        // half of the senders write twice, so customer match-or-create races too
        String sharedSender = batch + "@example-pharmacy.cn";
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Callable<List<IntakeResult>>> channels = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            int n = thread;
            channels.add(() -> {
                start.await(30, TimeUnit.SECONDS);
                List<IntakeResult> results = new ArrayList<>();
                for (int i = 0; i < PER_THREAD; i++) {
                    CustomerDraft sender = Drafts.doctor("Dr " + n, n % 2 == 0 ? sharedSender : batch + "-" + n + "@example.cn");
                    TicketDraft draft = new TicketDraft(batch + " " + n + "/" + i, "不良反应 rash after dose " + i,
                            Channel.EMAIL, i % 2 == 0 ? Category.ADVERSE_EVENT : null, i % 3 == 0 ? Severity.HIGH : null,
                            null, sender, null, null, null);
                    results.add(careLoop.intake().intake(draft, "email", batch + "/" + n + "/" + i, "plugin:email"));
                }
                return results;
            });
        }

        // When sixteen channels hand in their items at the same moment
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<IntakeResult> results = new ArrayList<>();
        try {
            for (Future<List<IntakeResult>> f : pool.invokeAll(channels, 120, TimeUnit.SECONDS)) {
                results.addAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        // Then every item has a ticket of its own, numbered CL-YYYY-NNNNNN, no number twice
        List<Ticket> tickets = results.stream().map(IntakeResult::ticket).toList();
        assertThat(results).hasSize(THREADS * PER_THREAD).noneMatch(IntakeResult::duplicate);
        assertThat(tickets).extracting(Ticket::number).doesNotHaveDuplicates()
                .allMatch(number -> number.matches("CL-2026-\\d{6}"));
        assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM ticket WHERE subject LIKE ?", batch + " %"))
                .isEqualTo(THREADS * PER_THREAD);
        assertThat(Rows.count(careLoop, "SELECT COUNT(DISTINCT number) FROM ticket WHERE subject LIKE ?", batch + " %"))
                .isEqualTo(THREADS * PER_THREAD);
        assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM customer WHERE email_key = ?", sharedSender)).isEqualTo(1);

        // And each ticket's process waits at "handle", in the ticket's queue
        Map<String, Task> handleTasks = careLoop.processEngine().getTaskService().createTaskQuery()
                .processInstanceBusinessKeyIn(tickets.stream().map(Ticket::number).toArray(String[]::new))
                .taskDefinitionKey("handle")
                .list().stream()
                .collect(Collectors.toMap(t -> t.getProcessInstanceId(), Function.identity()));
        assertThat(handleTasks).hasSize(THREADS * PER_THREAD);
        for (Ticket t : tickets) {
            Ticket stored = careLoop.tickets().find(t.number());
            assertThat(stored.processInstanceId()).isNotNull();
            assertThat(handleTasks).containsKey(stored.processInstanceId());
            assertThat(stored.queue()).isNotNull();
            assertThat(careLoop.processEngine().getTaskService()
                    .getIdentityLinksForTask(handleTasks.get(stored.processInstanceId()).getId()))
                    .anyMatch(l -> stored.queue().equals(l.getGroupId()));
        }
    }
}
