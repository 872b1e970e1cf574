package io.careloop.web.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.careloop.engine.CareLoop;
import io.careloop.engine.error.InvalidInputException;
import io.careloop.engine.intake.TicketDraft;
import io.careloop.web.api.ErrorMapper;
import io.careloop.web.api.Requests;
import io.careloop.web.customer.CustomerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Fuzzes how the JSON API reads request bodies: whatever bytes a client sends, reading them as a
 * new ticket (and turning that into a draft for intake), as a customer, or as free-form JSON ends
 * in a value or in the two exceptions the error mapper answers with a 400 naming the field, never
 * in anything else (a 500, a stack overflow). In {@code mvn verify} the seed corpus
 * ({@code RequestParsingFuzzTestInputs/} under src/test/resources) runs as a normal test; with
 * {@code JAZZER_FUZZ=1 mvn -pl web -am verify -Dtest=RequestParsingFuzzTest} it fuzzes for real.
 */
class RequestParsingFuzzTest {

    private static final Requests REQUESTS = new Requests(CareLoop.jsonMapper());

    @FuzzTest(maxDuration = "60s")
    void anyBodyIsReadOrRefusedAsABadRequest(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        readOrRefuse(() -> {
            TicketDraft draft = REQUESTS.parse(body, TicketRequests.Create.class).toDraft();
            assertThat(draft.channel()).isNotNull();
        });
        readOrRefuse(() -> REQUESTS.parse(body, CustomerRequest.class).toDraft());
        readOrRefuse(() -> assertThat(REQUESTS.parse(body, Map.class)).isNotNull());
    }

    private static void readOrRefuse(Runnable read) {
        try {
            read.run();
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).isNotBlank();
        } catch (ErrorMapper.BadJson e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
