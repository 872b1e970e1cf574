package io.careloop.plugins.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.careloop.plugin.api.ImportContext;
import io.careloop.plugin.api.InboundItem;
import io.careloop.plugin.api.IntakeOutcome;
import io.careloop.plugin.api.IntakeSink;
import io.careloop.plugin.api.NewTicket;
import io.careloop.plugin.api.PluginSettings;
import io.careloop.plugin.api.RawRecord;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unit test of a plugin: a sink and a context made in the test, no engine (docs/plugins.md). */
class LineTicketSourceTest {

    @Test
    void eachLineIsATicketAndALineWithoutSubjectIsQuarantined() throws Exception {
        List<NewTicket> tickets = new ArrayList<>();
        List<RawRecord> rejected = new ArrayList<>();
        IntakeSink sink = new IntakeSink() {
            @Override
            public IntakeOutcome accept(InboundItem item, RawRecord raw) {
                tickets.add((NewTicket) item);
                return IntakeOutcome.accepted("CL-2026-000001");
            }

            @Override
            public IntakeOutcome reject(RawRecord raw, String field, String message) {
                rejected.add(raw);
                return IntakeOutcome.rejected(field, message);
            }
        };
        byte[] file = "w-1|Leaflet missing|Box of 20 without leaflet\nw-2|\nw-3|Carton damaged\n".getBytes(StandardCharsets.UTF_8);
        new LineTicketSource().importStream(new ImportContext() {
            public InputStream input() {
                return new ByteArrayInputStream(file);
            }

            public String fileName() {
                return "lines.txt";
            }

            public long size() {
                return file.length;
            }

            public String preset() {
                return null;
            }

            public PluginSettings settings() {
                return PluginSettings.empty();
            }

            public IntakeSink sink() {
                return sink;
            }

            public void preamble(String text) {
            }

            public void progress(long done, long total) {
            }

            public Clock clock() {
                return Clock.systemUTC();
            }
        });
        assertThat(tickets).extracting(NewTicket::sourceKey, NewTicket::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("w-1", "Leaflet missing"),
                        org.assertj.core.groups.Tuple.tuple("w-3", "Carton damaged"));
        assertThat(rejected).extracting(RawRecord::position).containsExactly(2L);
    }
}
