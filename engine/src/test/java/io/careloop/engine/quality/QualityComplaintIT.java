package io.careloop.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careloop.engine.CareLoop;
import io.careloop.engine.error.ConflictException;
import io.careloop.engine.error.ReasonRequiredException;
import io.careloop.engine.testing.CareLoops;
import io.careloop.engine.testing.Drafts;
import io.careloop.engine.testing.OnEveryDatabase;
import io.careloop.engine.testing.TestDatabases.Kind;
import io.careloop.engine.ticket.Category;
import io.careloop.engine.ticket.Severity;
import io.careloop.engine.ticket.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Quality complaints through QualityComplaintService: recurrence, CAPA, sample and investigation, on H2 and PostgreSQL. */
class QualityComplaintIT {

    @RegisterExtension
    static final CareLoops careLoops = new CareLoops();

    @OnEveryDatabase
    void theThirdComplaintAboutOneLotOpensOneCapaLinkedToAllAndTheFourthJoinsIt(Kind db) {
        CareLoop c = careLoops.on(db);
        String product = Drafts.unique("Amoxicillin");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            numbers.add(complaint(c));
        }
        assertThat(details(c, numbers.get(0), product, "22a17").capa()).isNull();
        assertThat(details(c, numbers.get(1), product.toUpperCase(), " 22A17 ").capa()).isNull();
        // a complaint about another lot of the product does not count
        assertThat(details(c, complaint(c), product, "22A18").capa()).isNull();

        QualityComplaintView third = details(c, numbers.get(2), product, "22A17");

        assertThat(third.capa()).isNotNull();
        assertThat(third.capa().status()).isEqualTo("open");
        assertThat(third.capa().openedBy()).isEqualTo(numbers.get(2));
        assertThat(third.capa().tickets()).containsExactlyInAnyOrderElementsOf(numbers.subList(0, 3));
        assertThat(third.openSteps()).containsExactlyInAnyOrder("capa", "investigate");
        assertThat(c.tickets().view(numbers.get(0)).timeline()).extracting(TimelineEntry::kind).contains("ticket.capa-linked");

        QualityComplaintView fourth = details(c, numbers.get(3), product, "22A17");
        assertThat(fourth.capa().number()).isEqualTo(third.capa().number());
        assertThat(fourth.capa().tickets()).hasSize(4);
        assertThat(fourth.openSteps()).containsExactly("investigate");

        // the CAPA is worked from any ticket of the cluster and closes for all of them
        c.qualityComplaints().completeStep(numbers.get(3), "capa", Map.of("capaAction", "coating line re-qualified"),
                "CAPA board 2026-03-05", "quality-q");
        QualityComplaintView closed = c.qualityComplaints().view(numbers.get(0));
        assertThat(closed.capa().status()).isEqualTo("closed");
        assertThat(closed.capa().action()).isEqualTo("coating line re-qualified");
        assertThat(c.qualityComplaints().view(numbers.get(2)).openSteps()).containsExactly("investigate");
        // once closed, a new complaint of the lot starts a new count
        assertThat(details(c, complaint(c), product, "22A17").capa()).isNull();
    }

    @OnEveryDatabase
    void complaintsRecordedAtTheSameMomentOpenExactlyOneCapa(Kind db) throws Exception {
        CareLoop c = careLoops.on(db);
        String product = Drafts.unique("Insulin glargine"); // the policy's N is 2 for insulin
        List<String> numbers = List.of(complaint(c), complaint(c), complaint(c), complaint(c));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<QualityComplaintView>> work = numbers.stream()
                    .<Callable<QualityComplaintView>>map(n -> () -> details(c, n, product, "L1")).toList();
            for (Future<QualityComplaintView> f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<QualityComplaintView> views = numbers.stream().map(n -> c.qualityComplaints().view(n)).toList();
        assertThat(views).allSatisfy(v -> assertThat(v.capa()).isNotNull());
        assertThat(views).extracting(v -> v.capa().number()).containsOnly(views.get(0).capa().number());
        assertThat(views.get(0).capa().tickets()).containsExactlyInAnyOrderElementsOf(numbers);
        assertThat(views).filteredOn(v -> v.openSteps().contains("capa")).hasSize(1);
    }

    @OnEveryDatabase
    void aReturnedSampleAndTheInvestigationCloseTheComplaint(Kind db) {
        CareLoop c = careLoops.on(db);
        String n = complaint(c);
        assertThat(c.qualityComplaints().view(n).openSteps()).containsExactly("details");
        c.qualityComplaints().recordDetails(n, Drafts.unique("Tablets"), "B7", "2027-06-30", true, "customer call", "agent-a");
        assertThat(c.qualityComplaints().view(n).openSteps()).containsExactly("sample-return");

        c.qualityComplaints().completeStep(n, "sample-return", Map.of("sampleReceived", true, "sampleCondition", "sealed"),
                "sample arrived", "quality-q");
        QualityComplaintView v = c.qualityComplaints().completeStep(n, "investigate",
                Map.of("findings", "coating cracked", "rootCause", "humidity", "confirmed", true), "lab report QC-7", "quality-q");

        assertThat(v.sampleStatus()).isEqualTo("received");
        assertThat(v.investigation()).isEqualTo("confirmed");
        assertThat(v.rootCause()).isEqualTo("humidity");
        assertThat(v.expiry()).hasToString("2027-06-30");
        assertThat(v.status()).isEqualTo("closed");
        assertThat(v.openSteps()).isEmpty();
        assertThat(c.tickets().view(n).timeline()).extracting(TimelineEntry::kind)
                .contains("ticket.quality-complaint-opened", "ticket.sample-recorded", "ticket.quality-investigated",
                        "ticket.quality-complaint-closed");
    }

    @OnEveryDatabase
    void aWriteWithoutReasonOrOnAnotherCategoryIsRefusedAndChangesNothing(Kind db) {
        CareLoop c = careLoops.on(db);
        String n = complaint(c);
        assertThatThrownBy(() -> c.qualityComplaints().recordDetails(n, "P", "L", null, false, " ", "agent-a"))
                .isInstanceOf(ReasonRequiredException.class);
        assertThat(c.qualityComplaints().view(n).openSteps()).containsExactly("details");
        assertThatThrownBy(() -> c.qualityComplaints().completeStep(n, "investigate",
                Map.of("findings", "x", "confirmed", true), "why", "quality-q")).isInstanceOf(ConflictException.class);
        String other = c.intake().intake(Drafts.ticket(Drafts.unique("order late"), Category.SERVICE_PROCESS, Severity.LOW),
                "api", Drafts.unique("k"), "agent-a").ticket().number();
        assertThatThrownBy(() -> c.qualityComplaints().recordDetails(other, "P", "L", null, false, "why", "agent-a"))
                .isInstanceOf(ConflictException.class);
    }

    @OnEveryDatabase
    void aTicketReclassifiedAsProductQualityGetsItsQualityComplaintOnce(Kind db) {
        CareLoop c = careLoops.on(db);
        String n = c.intake().intake(Drafts.ticket(Drafts.unique("包装问题"), Category.SERVICE_PROCESS, Severity.LOW),
                "api", Drafts.unique("k"), "agent-a").ticket().number();

        c.tickets().reclassify(n, Category.PRODUCT_QUALITY, null, "the box was crushed and tablets broken", "agent-a", null);
        c.tickets().reclassify(n, null, Severity.HIGH, "many broken tablets", "agent-a", null);

        assertThat(c.qualityComplaints().view(n).openSteps()).containsExactly("details");
        assertThat(c.processEngine().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(QualityComplaintService.PROCESS_KEY).processInstanceBusinessKey(n).count()).isEqualTo(1);
    }

    static String complaint(CareLoop c) {
        return c.intake().intake(Drafts.ticket(Drafts.unique("药品变色"), Category.PRODUCT_QUALITY, Severity.MEDIUM),
                "api", Drafts.unique("k"), "agent-a").ticket().number();
    }

    static QualityComplaintView details(CareLoop c, String number, String product, String lot) {
        return c.qualityComplaints().recordDetails(number, product, lot, null, false, "customer call", "agent-a");
    }
}
