package io.careloop.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases.Kind;
import io.careloop.engine.ticket.TicketStatus;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo data a first look starts with: loads on both databases, and only once. */
class DemoDataIT {

    private static final List<String> TABLES = List.of("app_user", "team", "customer", "ticket", "interaction",
            "audit_event", "import_ledger");

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @OnEveryDatabase
    void demoDataLoadsOnceAndASecondLoadAddsNothing(Kind db) {
        CareLoop careLoop = careLoops.on(db);

        List<DemoData.DemoUser> signIns = DemoData.load(careLoop);
        Map<String, Long> afterFirst = counts(careLoop);
        List<DemoData.DemoUser> again = DemoData.load(careLoop);

        assertThat(counts(careLoop)).isEqualTo(afterFirst);
        assertThat(again).isEqualTo(signIns);
        assertThat(afterFirst).containsEntry("app_user", 4L).containsEntry("team", 4L)
                .containsEntry("customer", 6L).containsEntry("ticket", 8L).containsEntry("import_ledger", 8L);
        for (DemoData.DemoUser u : signIns) {
            assertThat(careLoop.users().login(u.username(), u.password())).as(u.username()).isPresent();
        }
        Map<TicketStatus, Long> byStatus = Stream.of(TicketStatus.values())
                .collect(Collectors.toMap(Function.identity(), st -> Rows.count(careLoop,
                        "SELECT COUNT(*) FROM ticket WHERE status = ?", st.code())));
        assertThat(byStatus).containsEntry(TicketStatus.CLOSED, 1L).containsEntry(TicketStatus.RESOLVED, 1L)
                .containsEntry(TicketStatus.REOPENED, 1L).containsEntry(TicketStatus.OPEN, 2L)
                .containsEntry(TicketStatus.NEW, 3L);
        // every ticket that is not closed has a running process; the closed one's has ended
        assertThat(careLoop.processEngine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("ticket-lifecycle").count()).isEqualTo(7);
        assertThat(careLoop.processEngine().getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("ticket-lifecycle").finished().count()).isEqualTo(1);
        // each resolution started a feedback loop (survey), still waiting for the customer's answer
        assertThat(careLoop.processEngine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("feedback-loop").count()).isEqualTo(3);
    }

    private static Map<String, Long> counts(CareLoop careLoop) {
        return TABLES.stream().collect(Collectors.toMap(Function.identity(), t -> Rows.total(careLoop, t)));
    }
}
