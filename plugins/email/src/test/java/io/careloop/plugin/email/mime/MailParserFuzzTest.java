package io.careloop.plugin.email.mime;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.careloop.plugin.email.thread.Classification;
import io.careloop.plugin.email.thread.MailClassifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the MIME parser and the classifier. In {@code mvn verify} this runs the seed corpus
 * (the sample messages plus hostile seeds, in {@code MailParserFuzzTestInputs/}) as a normal
 * test; with {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}. Whatever the bytes, parsing
 * either yields a message (with no script left in its HTML) or a {@link MalformedMailException}.
 */
class MailParserFuzzTest {

    private static final Path STORE = tempStore();
    private static final MailParser PARSER = new MailParser(new AttachmentStore(STORE, 1024 * 1024), new MailCharsets());
    private static final MailClassifier CLASSIFIER = new MailClassifier(Set.of("service@careloop.example.com"));

    @FuzzTest(maxDuration = "60s")
    void parsingAnyBytesNeverFailsUnexpectedly(FuzzedDataProvider data) {
        byte[] raw = data.consumeRemainingAsBytes();
        ParsedMail mail;
        try {
            mail = PARSER.parse(raw);
        } catch (MalformedMailException e) {
            return;
        }
        assertThat(mail.key()).isNotBlank();
        assertThat(mail.text()).isNotNull();
        if (mail.html() != null) {
            assertThat(mail.html().toLowerCase(java.util.Locale.ROOT)).doesNotContain("<script", "javascript:", "onerror=");
        }
        Classification c = CLASSIFIER.classify(mail);
        assertThat(c.decision()).isNotNull();
    }

    private static Path tempStore() {
        try {
            Path dir = Files.createTempDirectory("mail-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
