package io.careloop.web.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.engine.testing.TestDatabases;
import io.careloop.engine.user.Role;
import io.careloop.web.testing.ApiClient;
import io.careloop.web.testing.EventStream;
import io.careloop.web.testing.TestServer;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The agent workspace's live channel across two nodes on one PostgreSQL database: a browser
 * connected to node B hears of changes made on node A, and each node sees the other's viewers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveClusterIT {

    private Cluster cluster;
    private ApiClient liOnA;
    private ApiClient wangOnB;

    @BeforeAll
    void start() {
        cluster = Cluster.start(TestDatabases.Kind.POSTGRES, "live-cluster", 2, null);
        var users = cluster.node(0).careLoop().users();
        users.createTeam("every-queue", "every-queue", TestServer.QUEUES, "test");
        for (String name : List.of("li", "wang")) {
            users.create(name, name, TestServer.PASSWORD, EnumSet.of(Role.AGENT), List.of("every-queue"), "test");
        }
        liOnA = client(0).loggedIn("li", TestServer.PASSWORD);
        wangOnB = client(1).loggedIn("wang", TestServer.PASSWORD);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private ApiClient client(int node) {
        return new ApiClient(cluster.node(node).base(), cluster.node(node).careLoop().json());
    }

    private String open(ApiClient as, String subject) {
        var r = as.post("/api/v1/tickets", Map.of("subject", subject, "description", subject + " (details)",
                "channel", "phone", "category", "service-process"));
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        return r.json().path("number").asText();
    }

    @Test
    void aBrowserOnNodeBHearsOfChangesMadeOnNodeA() throws Exception {
        try (EventStream onB = EventStream.open(cluster.node(1).base(), wangOnB.sessionId())) {
            onB.until("event: ready");

            String created = open(liOnA, "Carton arrived open");
            // B never touched the ticket: what B's browser hears of it came from A through the database
            assertThat(onB.until(created)).last().asString().startsWith("data: ").contains("\"type\":\"ticket.");

            liOnA.post("/api/v1/tickets/" + created + "/claim", Map.of());
            assertThat(onB.until("ticket.claimed")).last().asString().contains(created).contains("\"actor\":\"li\"");
        }
    }

    @Test
    void eachNodeSeesTheViewersOfTheOther() throws Exception {
        String number = open(wangOnB, "Leaflet in the wrong language");
        try (EventStream onB = EventStream.open(cluster.node(1).base(), wangOnB.sessionId())) {
            onB.until("event: ready");
            assertThat(wangOnB.post("/api/v1/tickets/" + number + "/presence", null).json().path("viewers").toString())
                    .isEqualTo("[\"wang\"]");

            // li opens the ticket on node A: node A's answer lists wang, and wang's browser on B hears of li
            assertThat(liOnA.post("/api/v1/tickets/" + number + "/presence", null).json().path("viewers").toString())
                    .isEqualTo("[\"li\",\"wang\"]");
            assertThat(onB.until("\"li\"")).last().asString().contains(number).contains("\"viewers\":[\"li\",\"wang\"]");
            assertThat(wangOnB.post("/api/v1/tickets/" + number + "/presence", null).json().path("viewers").toString())
                    .isEqualTo("[\"li\",\"wang\"]");
        }
    }
}
