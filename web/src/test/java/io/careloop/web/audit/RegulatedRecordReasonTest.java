package io.careloop.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.testing.Rows;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.Problems;
import io.careloop.web.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every change of a regulated record (adverse event, medication error, quality case) states why; 422 without. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegulatedRecordReasonTest {

    private TestServer server;
    private ApiClient boss;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        server.user("boss", Role.SUPERVISOR);
        boss = server.session("boss");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void resolvingAndClosingAnAdverseEventNeedAReason() {
        String number = create("adverse-event");

        Problems.assertProblem(boss.post("/api/v1/tickets/" + number + "/resolve", null), 422);
        assertThat(Problems.assertProblem(boss.post("/api/v1/tickets/" + number + "/resolve", Map.of()), 422)
                .path("field").asText()).isEqualTo("reason");
        assertThat(boss.get("/api/v1/tickets/" + number).json().path("status").asText()).isNotEqualTo("resolved");

        Response resolved = boss.post("/api/v1/tickets/" + number + "/resolve", Map.of("reason", "reported to NMPA as AE-17"));
        assertThat(resolved.status()).as("%s", resolved).isEqualTo(200);
        // an adverse event closes only after pharmacovigilance's review (the supervisor holds that permission)
        assertThat(boss.post("/api/v1/tickets/" + number + "/pv-review", Map.of("outcome", "confirmed")).status()).isEqualTo(200);

        Problems.assertProblem(boss.post("/api/v1/tickets/" + number + "/close", null), 422);
        Response closed = boss.post("/api/v1/tickets/" + number + "/close", Map.of("reason", "follow-up complete"));
        assertThat(closed.status()).as("%s", closed).isEqualTo(200);

        assertThat(Rows.string(server.careLoop(), "SELECT reason FROM audit_event WHERE entity_id = ? AND action = 'ticket.resolved'",
                number)).isEqualTo("reported to NMPA as AE-17");
        assertThat(Rows.string(server.careLoop(), "SELECT reason FROM audit_event WHERE entity_id = ? AND action = 'ticket.closed'",
                number)).isEqualTo("follow-up complete");
    }

    @Test
    void theFinalReplyCountsAsTheReasonForResolving() {
        String number = create("product-quality");

        Response resolved = boss.post("/api/v1/tickets/" + number + "/resolve", Map.of("resolution", "Replacement pack sent, lot quarantined."));

        assertThat(resolved.status()).as("%s", resolved).isEqualTo(200);
        assertThat(Rows.string(server.careLoop(), "SELECT reason FROM audit_event WHERE entity_id = ? AND action = 'ticket.resolved'",
                number)).isEqualTo("Replacement pack sent, lot quarantined.");
    }

    @Test
    void repliesNotesAndClaimsAddToARegulatedRecordWithoutAReason() {
        String number = create("medication-error");

        assertThat(boss.post("/api/v1/tickets/" + number + "/claim", null).status()).isEqualTo(200);
        assertThat(boss.post("/api/v1/tickets/" + number + "/notes", Map.of("body", "called the pharmacist")).status()).isEqualTo(201);
        assertThat(boss.post("/api/v1/tickets/" + number + "/replies", Map.of("body", "We are looking into it.")).status()).isEqualTo(201);
    }

    @Test
    void anOrdinaryTicketResolvesAndClosesWithoutAReason() {
        String number = create("service-process");

        assertThat(boss.post("/api/v1/tickets/" + number + "/resolve", null).status()).isEqualTo(200);
        assertThat(boss.post("/api/v1/tickets/" + number + "/close", null).status()).isEqualTo(200);
    }

    private String create(String category) {
        Response r = boss.post("/api/v1/tickets", Map.of("subject", "Case " + category, "channel", "phone", "category", category));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json().path("number").asText();
    }
}
