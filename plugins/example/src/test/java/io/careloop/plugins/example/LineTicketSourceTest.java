package io.careloop.plugins.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.careloop.plugin.api.NewTicket;
import io.careloop.plugin.testkit.BytesImport;
import io.careloop.plugin.testkit.RecordingSink;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unit test of a plugin: the test kit's import context and recording sink, no engine (docs/plugins.md). */
class LineTicketSourceTest {

    @Test
    void eachLineIsATicketAndALineWithoutSubjectIsQuarantined() throws Exception {
        byte[] file = "w-1|Leaflet missing|Box of 20 without leaflet\nw-2|\nw-3|Carton damaged\n".getBytes(StandardCharsets.UTF_8);
        BytesImport upload = new BytesImport(file, "lines.txt", null, Map.of());

        new LineTicketSource().importStream(upload);

        RecordingSink sink = upload.sink();
        assertThat(sink.newTickets()).extracting(NewTicket::sourceKey, NewTicket::subject)
                .containsExactly(tuple("w-1", "Leaflet missing"), tuple("w-3", "Carton damaged"));
        assertThat(sink.rejected).extracting(r -> r.raw().position(), RecordingSink.Rejected::field)
                .containsExactly(tuple(2L, "subject"));
    }
}
