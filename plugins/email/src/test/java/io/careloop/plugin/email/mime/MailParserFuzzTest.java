package io.careloop.plugin.email.mime;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.careloop.plugin.email.thread.Classification;
import io.careloop.plugin.email.thread.MailClassifier;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the MIME parser and the classifier. In {@code mvn verify} this runs the seed corpus
 * (the sample messages plus hostile seeds, in {@code MailParserFuzzTestInputs/}) as a normal
 * test; with {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}. Whatever the bytes, parsing
 * either yields a message (with no script left in its HTML) or a {@link MalformedMailException}.
 */
class MailParserFuzzTest {

    private static final MailParser PARSER = new MailParser(new MailCharsets());
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
}
