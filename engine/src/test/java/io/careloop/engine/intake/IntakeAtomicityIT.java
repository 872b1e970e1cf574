package io.careloop.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careloop.engine.CareLoop;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.process.TicketProcess;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases.Kind;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Severity;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Intake's headline promise: the ledger row, the customer, the ticket, the audit events and the
 * process instance commit together or not at all (DESIGN.md, "One transaction").
 */
class IntakeAtomicityIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @OnEveryDatabase
    void aProcessStartThatFailsAfterOurInsertsLeavesNothingCommitted(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        String key = Drafts.unique("msg");
        String email = Drafts.unique("atomic") + "@example-hospital.cn";
        TicketDraft draft = Drafts.ticket("包装破损 damaged packaging", Drafts.doctor("刘医生", email));
        Counts before = Counts.of(careLoop);
        RepositoryService repository = careLoop.processEngine().getRepositoryService();

        // Given the ticket-lifecycle process cannot start
        repository.suspendProcessDefinitionByKey(TicketProcess.PROCESS_KEY);
        try {
            // When an item comes in: ledger, customer, ticket and audit rows are written, then the start fails
            assertThatThrownBy(() -> careLoop.intake().intake(draft, "email", key, "plugin:email"))
                    .isInstanceOf(ProcessEngineException.class)
                    .hasMessageContaining("suspended");

            // Then nothing of it was committed
            assertThat(Counts.of(careLoop)).isEqualTo(before);
            assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM import_ledger WHERE source = ? AND source_key = ?",
                    "email", key)).isZero();
            assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM customer WHERE email_key = ?", email)).isZero();
        } finally {
            repository.activateProcessDefinitionByKey(TicketProcess.PROCESS_KEY);
        }

        // And once the process can start again, the same item goes through as if it were the first time
        IntakeResult result = careLoop.intake().intake(draft, "email", key, "plugin:email");

        assertThat(result.duplicate()).isFalse();
        Counts after = Counts.of(careLoop);
        assertThat(after.tickets()).isEqualTo(before.tickets() + 1);
        assertThat(after.ledger()).isEqualTo(before.ledger() + 1);
        assertThat(after.customers()).isEqualTo(before.customers() + 1);
        assertThat(after.processes()).isEqualTo(before.processes() + 1);
        // customer.created, ticket.created, ticket.classified
        assertThat(after.auditEvents()).isEqualTo(before.auditEvents() + 3);
        assertThat(careLoop.processEngine().getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(result.ticket().number()).count()).isEqualTo(1);
    }

    @OnEveryDatabase
    void anItemRefusedAfterItsLedgerRowWasWrittenCanComeInAgainUnderTheSameKey(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        String key = Drafts.unique("call");
        Counts before = Counts.of(careLoop);

        // Given an item naming a customer that does not exist: refused after the ledger row was inserted
        TicketDraft wrong = Drafts.ticket("回电 call back", Category.SERVICE_PROCESS,
                Severity.LOW, 987_654_321L);
        assertThatThrownBy(() -> careLoop.intake().intake(wrong, "phone-log", key, "plugin:phone-log"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("customerId"));
        assertThat(Counts.of(careLoop)).isEqualTo(before);

        // When the integrator fixes the record and replays it under the same key
        IntakeResult fixed = careLoop.intake().intake(
                Drafts.ticket("回电 call back", Category.SERVICE_PROCESS,
                        Severity.LOW), "phone-log", key, "plugin:phone-log");

        // Then it is taken in as new, not answered with a ticket that never was
        assertThat(fixed.duplicate()).isFalse();
        assertThat(fixed.ticket()).isNotNull();
        assertThat(Counts.of(careLoop).tickets()).isEqualTo(before.tickets() + 1);
    }

    /** What a user could see of intake's work: committed rows and running process instances. */
    record Counts(long tickets, long ledger, long customers, long auditEvents, long processes) {
        static Counts of(CareLoop careLoop) {
            return new Counts(Rows.total(careLoop, "ticket"), Rows.total(careLoop, "import_ledger"),
                    Rows.total(careLoop, "customer"), Rows.total(careLoop, "audit_event"),
                    careLoop.processEngine().getRuntimeService().createProcessInstanceQuery()
                            .processDefinitionKey(TicketProcess.PROCESS_KEY).count());
        }
    }
}
