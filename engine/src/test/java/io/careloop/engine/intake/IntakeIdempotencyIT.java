package io.careloop.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.CareLoop;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases.Kind;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Severity;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same inbound item handed in again, or twice at once, makes one ticket. */
class IntakeIdempotencyIT {

    private static final int RACES = 5;

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @OnEveryDatabase
    void theSameItemHandedInTwiceMakesOneTicketAndAnswersTheSecondTimeAsDuplicate(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        String key = Drafts.unique("<msg@mail.example>");
        String subject = Drafts.unique("订单延迟 order delayed");
        TicketDraft draft = Drafts.ticket(subject, Category.SERVICE_PROCESS, Severity.LOW);

        // Given the item came in once
        IntakeResult first = careLoop.intake().intake(draft, "email", key, "plugin:email");
        long auditEvents = Rows.total(careLoop, "audit_event");

        // When the mailbox is read again
        IntakeResult second = careLoop.intake().intake(draft, "email", key, "plugin:email");

        // Then the second answer is the first ticket, marked duplicate, and nothing was added
        assertThat(first.duplicate()).isFalse();
        assertThat(second.duplicate()).isTrue();
        assertThat(second.ticket().number()).isEqualTo(first.ticket().number());
        assertThat(second.ticket().id()).isEqualTo(first.ticket().id());
        assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM ticket WHERE subject = ?", subject)).isEqualTo(1);
        assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM import_ledger WHERE source_key = ?", key)).isEqualTo(1);
        assertThat(Rows.total(careLoop, "audit_event")).isEqualTo(auditEvents);
        assertThat(careLoop.processEngine().getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(first.ticket().number()).count()).isEqualTo(1);
    }

    @OnEveryDatabase
    void anItemWhoseKeyWasErasedIsStillFoundAmongManyOthersAndAnsweredAsDuplicate(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        String key = Drafts.unique("<erased@mail.example>");
        IntakeResult first = careLoop.intake().intake(Drafts.ticket(Drafts.unique("erased sender"), Category.SERVICE_PROCESS,
                Severity.LOW), "email", key, "plugin:email");
        // Given the sender was erased since (the ledger keeps the key as its hash) and the ledger holds many other items
        try (var c = careLoop.database().dataSource().getConnection();
             var ps = c.prepareStatement("UPDATE import_ledger SET source_key = ? WHERE source = 'email' AND source_key = ?")) {
            ps.setString(1, ErasedKey.of(key));
            ps.setString(2, key);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        for (int i = 0; i < 20; i++) {
            careLoop.intake().intake(Drafts.ticket("other " + i, Category.SERVICE_PROCESS, Severity.LOW), "email",
                    Drafts.unique("<other-" + i + "@mail.example>"), "plugin:email");
        }

        // When the mailbox is read again, with the original key
        IntakeResult again = careLoop.intake().intake(Drafts.ticket("erased sender again", Category.SERVICE_PROCESS,
                Severity.LOW), "email", key, "plugin:email");

        // Then it is the first ticket, and the ledger lookup answers for the original and the erased form alike
        assertThat(again.duplicate()).isTrue();
        assertThat(again.ticket().number()).isEqualTo(first.ticket().number());
        assertThat(careLoop.intake().seen("email", key)).isTrue();
        assertThat(careLoop.intake().seen("email", ErasedKey.of(key))).isTrue();
        assertThat(careLoop.intake().seen("email", Drafts.unique("<never@mail.example>"))).isFalse();
        assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM ticket WHERE subject = 'erased sender again'")).isZero();
    }

    @OnEveryDatabase
    void theSameKeyFromAnotherSourceIsAnotherItem(Kind db) {
        CareLoop careLoop = careLoops.on(db);
        String key = Drafts.unique("42");

        IntakeResult fromPhone = careLoop.intake().intake(
                Drafts.ticket("call 42", Category.SERVICE_PROCESS, Severity.LOW), "phone-log", key, "plugin:phone-log");
        IntakeResult fromSurvey = careLoop.intake().intake(
                Drafts.ticket("survey 42", Category.CUSTOMER_RELATIONSHIP, Severity.LOW), "survey-import", key,
                "plugin:survey-import");

        assertThat(fromSurvey.duplicate()).isFalse();
        assertThat(fromSurvey.ticket().number()).isNotEqualTo(fromPhone.ticket().number());
    }

    @OnEveryDatabase
    void twoCallersRacingWithTheSameKeyGetTheOneTicketBetweenThem(Kind db) throws Exception {
        CareLoop careLoop = careLoops.on(db);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int race = 0; race < RACES; race++) {
                String key = Drafts.unique("call");
                String subject = Drafts.unique("回电 call back");
                TicketDraft draft = Drafts.ticket(subject, Category.SERVICE_PROCESS, Severity.MEDIUM);
                CyclicBarrier start = new CyclicBarrier(2);
                Callable<IntakeResult> caller = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return careLoop.intake().intake(draft, "phone-log", key, "plugin:phone-log");
                };

                // When two nodes import the same call record at the same moment
                List<Future<IntakeResult>> answers = pool.invokeAll(List.of(caller, caller), 30, TimeUnit.SECONDS);
                IntakeResult a = answers.get(0).get();
                IntakeResult b = answers.get(1).get();

                // Then there is one ticket, both callers were told its number, and one of them heard "duplicate"
                assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM ticket WHERE subject = ?", subject)).isEqualTo(1);
                assertThat(Rows.count(careLoop, "SELECT COUNT(*) FROM import_ledger WHERE source_key = ?", key)).isEqualTo(1);
                String number = Rows.string(careLoop, "SELECT number FROM ticket WHERE subject = ?", subject);
                assertThat(a.ticket().number()).isEqualTo(number);
                assertThat(b.ticket().number()).isEqualTo(number);
                assertThat(List.of(a.duplicate(), b.duplicate())).containsExactlyInAnyOrder(true, false);
                assertThat(careLoop.processEngine().getRuntimeService().createProcessInstanceQuery()
                        .processInstanceBusinessKey(number).count()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
