package io.careloop.web.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.ApiClient.Response;
import io.careloop.web.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A product-quality complaint over HTTP: the agent records product and lot (with a reason), the
 * third complaint about the lot opens a CAPA linked to all three, quality returns the sample,
 * investigates and closes the CAPA; an agent may not work the quality steps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualityComplaintApiTest {

    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start(TestDatabases.Kind.H2, getClass().getSimpleName());
        server.team("qa", "quality");
        server.user("li.agent", Role.AGENT, "qa");
        server.user("sun.quality", Role.SPECIALIST, "qa");
        server.user("zhao.supervisor", Role.SUPERVISOR, "qa");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void threeComplaintsAboutOneLotOpenACapaThatQualityWorksToTheEnd() {
        ApiClient agent = server.session("li.agent");
        ApiClient quality = server.session("sun.quality");
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Response created = agent.post("/api/v1/tickets", Map.of("subject", "药片变色 tablets discoloured " + i,
                    "description", "Blister of lot 22A17 shows brown spots", "channel", "phone",
                    "category", "product-quality", "severity", "medium"));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            numbers.add(created.json().path("number").asText());
        }
        String first = numbers.get(0);
        assertThat(agent.get("/api/v1/tickets/" + first + "/quality").json().path("openSteps").toString())
                .isEqualTo("[\"details\"]");

        // without a reason nothing is recorded
        Response noReason = put(agent, "/api/v1/tickets/" + first + "/quality",
                Map.of("product", "Cefuroxime 250 mg", "lot", "22A17"));
        assertThat(noReason.status()).as("%s", noReason).isIn(400, 422);
        assertThat(agent.get("/api/v1/tickets/" + first + "/quality").json().path("lot").isNull()).isTrue();

        Response one = put(agent, "/api/v1/tickets/" + first + "/quality", Map.of("product", "Cefuroxime 250 mg",
                "lot", "22A17", "expiry", "2027-06-30", "sampleRequested", true, "reason", "customer's call"));
        assertThat(one.status()).as("%s", one).isEqualTo(200);
        assertThat(one.json().path("openSteps").toString()).isEqualTo("[\"sample-return\"]");
        assertThat(one.json().path("capa").isNull()).isTrue();
        put(agent, "/api/v1/tickets/" + numbers.get(1) + "/quality",
                Map.of("product", "cefuroxime 250 mg", "lot", "22a17", "reason", "customer's call"));
        JsonNode third = put(agent, "/api/v1/tickets/" + numbers.get(2) + "/quality",
                Map.of("product", "Cefuroxime 250 mg", "lot", "22A17", "reason", "customer's call")).json();

        JsonNode capa = third.path("capa");
        assertThat(capa.path("number").asText()).startsWith("CAPA-");
        assertThat(capa.path("status").asText()).isEqualTo("open");
        List<String> linked = new ArrayList<>();
        capa.path("tickets").forEach(n -> linked.add(n.asText()));
        assertThat(linked).containsExactlyInAnyOrderElementsOf(numbers);

        // the agent may not work quality steps; the specialist may
        Response forbidden = agent.post("/api/v1/tickets/" + first + "/quality/sample-return",
                Map.of("sampleReceived", true, "reason", "arrived"));
        assertThat(forbidden.status()).isEqualTo(403);
        Response sample = quality.post("/api/v1/tickets/" + first + "/quality/sample-return",
                Map.of("sampleReceived", true, "sampleCondition", "sealed", "reason", "arrived by courier"));
        assertThat(sample.status()).as("%s", sample).isEqualTo(200);
        assertThat(sample.json().path("sampleStatus").asText()).isEqualTo("received");
        Response investigated = quality.post("/api/v1/tickets/" + first + "/quality/investigate", Map.of(
                "findings", "oxidised coating", "rootCause", "humidity in warehouse 3", "confirmed", true,
                "reason", "lab report QC-2026-17"));
        assertThat(investigated.status()).as("%s", investigated).isEqualTo(200);
        assertThat(investigated.json().path("investigation").asText()).isEqualTo("confirmed");
        assertThat(investigated.json().path("status").asText()).isEqualTo("closed");

        // the CAPA, worked from any ticket of the cluster, closes for all of them
        Response capaDone = quality.post("/api/v1/tickets/" + first + "/quality/capa",
                Map.of("capaAction", "warehouse 3 dehumidified; lot 22A17 recalled", "reason", "CAPA board"));
        assertThat(capaDone.status()).as("%s", capaDone).isEqualTo(200);
        JsonNode closedCapa = quality.get("/api/v1/tickets/" + numbers.get(2) + "/quality").json().path("capa");
        assertThat(closedCapa.path("status").asText()).isEqualTo("closed");
        assertThat(closedCapa.path("action").asText()).contains("recalled");

        // a ticket of another category has no quality complaint to show: 409
        String other = agent.post("/api/v1/tickets", Map.of("subject", "Where is my order?", "channel", "web",
                "category", "service-process", "severity", "low")).json().path("number").asText();
        assertThat(server.session("zhao.supervisor").get("/api/v1/tickets/" + other + "/quality").status()).isEqualTo(409);

        // an unknown step is a 400 naming its field
        Response unknown = quality.post("/api/v1/tickets/" + first + "/quality/recall", Map.of("reason", "x"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("field").asText()).isEqualTo("step");
    }

    private static Response put(ApiClient client, String path, Object body) {
        return client.send("PUT", path, body, Map.of());
    }
}
