package io.careloop.plugin.email.mbox;

import io.careloop.plugin.email.Samples;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MboxReaderTest {

    @Test
    void sampleMailboxHoldsTheSixSampleMessages() throws Exception {
        List<String> messages = new ArrayList<>();
        long count = MboxReader.read(new ByteArrayInputStream(Samples.bytes("inbox.mbox")),
                (n, raw) -> messages.add(new String(raw, StandardCharsets.ISO_8859_1)));

        assertThat(count).isEqualTo(6);
        assertThat(messages.get(0)).startsWith("Content-Type: text/plain; charset=\"gb2312\"\n")
                .endsWith("0r3UuiDQxMTav8Y=\n");
        assertThat(messages.get(1)).contains("Message-ID: <CAF3x9k2@clinic.example.cn>");
        assertThat(messages.get(5)).contains("multipart/report").endsWith("--BB--\n");
        assertThat(messages).noneMatch(m -> m.startsWith("From "));
    }

    @Test
    void quotedFromLinesAreUnquotedOnceAndDoNotSplitMessages() throws Exception {
        String mbox = """
                From alice@example.com Sat Nov  7 08:00:00 2026
                Subject: one

                first line
                >From the pharmacy we heard
                >>From here it is quoted twice
                > From with a space stays
                From inside a paragraph is not a separator

                From bob@example.com Sat Nov  7 09:00:00 2026
                Subject: two

                second
                """;
        List<String> messages = new ArrayList<>();
        MboxReader.read(new ByteArrayInputStream(mbox.getBytes(StandardCharsets.UTF_8)),
                (n, raw) -> messages.add(new String(raw, StandardCharsets.UTF_8)));

        assertThat(messages).containsExactly("""
                Subject: one

                first line
                From the pharmacy we heard
                >From here it is quoted twice
                > From with a space stays
                From inside a paragraph is not a separator
                """, """
                Subject: two

                second
                """);
    }

    @Test
    void crlfMailboxKeepsItsLineEnds() throws Exception {
        String mbox = "From a@b Sat Nov  7 08:00:00 2026\r\nSubject: x\r\n\r\nbody\r\n\r\nFrom a@b Sat Nov  7 08:00:01 2026\r\nSubject: y\r\n\r\nz\r\n";
        List<String> messages = new ArrayList<>();
        MboxReader.read(new ByteArrayInputStream(mbox.getBytes(StandardCharsets.US_ASCII)),
                (n, raw) -> messages.add(new String(raw, StandardCharsets.US_ASCII)));

        assertThat(messages).containsExactly("Subject: x\r\n\r\nbody\r\n", "Subject: y\r\n\r\nz\r\n");
    }

    @Test
    void tenThousandMessagesAreReadFromAStreamThatIsNeverWholeInMemory() throws Exception {
        long[] seen = {0};
        long count = MboxReader.read(new GeneratedMbox(10_000), (n, raw) -> {
            assertThat(new String(raw, StandardCharsets.US_ASCII)).startsWith("Message-ID: <gen-" + n + "@example.com>");
            seen[0]++;
        });

        assertThat(count).isEqualTo(10_000);
        assertThat(seen[0]).isEqualTo(10_000);
    }

    /** An mbox produced message by message while it is read. */
    static final class GeneratedMbox extends InputStream {
        private final int total;
        private int next = 1;
        private byte[] current = new byte[0];
        private int pos;

        GeneratedMbox(int total) {
            this.total = total;
        }

        @Override
        public int read() {
            if (pos == current.length) {
                if (next > total) {
                    return -1;
                }
                current = ("From sender@example.com Sat Nov  7 08:00:00 2026\nMessage-ID: <gen-" + next
                        + "@example.com>\nSubject: message " + next + "\n\nbody " + next + "\n\n")
                        .getBytes(StandardCharsets.US_ASCII);
                pos = 0;
                next++;
            }
            return current[pos++];
        }
    }
}
