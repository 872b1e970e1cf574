package io.careloop.engine.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careloop.engine.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The opaque page cursor a client hands back, and the query it continues. */
class PageCursorTest {

    @Test
    void aCursorSurvivesTheRoundTripThroughTheClient() {
        PageCursor cursor = new PageCursor(TicketSort.DUE, Instant.parse("2026-03-03T01:00:00.123456Z"), 42);

        assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(cursor.encode()).doesNotContain("=", "+", "/");
    }

    @Test
    void noCursorMeansTheFirstPage() {
        assertThat(PageCursor.decode(null)).isNull();
        assertThat(PageCursor.decode(" ")).isNull();
    }

    @Test
    void aCursorThisServerDidNotIssueIsInvalidInputOnTheCursorField() {
        for (String forged : new String[] {"%%%", "bm90IGEgY3Vyc29y", encode("due|yesterday|1"), encode("sideways||1"),
                encode("due|2026-03-03T01:00:00Z|one"), encode("due|2026-03-03T01:00:00Z")}) {
            assertThatThrownBy(() -> PageCursor.decode(forged)).as(forged)
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        }
    }

    @Test
    void aCursorOfOneSortOrderCannotContinueAnother() {
        PageCursor byDue = new PageCursor(TicketSort.DUE, Instant.parse("2026-03-03T01:00:00Z"), 7);

        assertThatThrownBy(() -> new TicketQuery(null, null, null, null, null, null, null, TicketSort.CREATED, byDue, 20))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }

    @Test
    void searchTextIsMatchedLiterallyAndCaseInsensitively() {
        assertThat(query("  50%_Off\\ ").textPattern()).isEqualTo("%50\\%\\_off\\\\%");
        assertThat(query("皮疹").textPattern()).isEqualTo("%皮疹%");
        assertThat(query("  ").textPattern()).isNull();
    }

    @Test
    void aPageHoldsOneTo200Tickets() {
        assertThatThrownBy(() -> new TicketQuery(null, null, null, null, null, null, null, null, null, 0))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> new TicketQuery(null, null, null, null, null, null, null, null, null, 201))
                .isInstanceOf(InvalidInputException.class);
        assertThat(new TicketQuery(null, null, null, null, null, null, null, null, null, 200).sort()).isEqualTo(TicketSort.DUE);
    }

    private static TicketQuery query(String text) {
        return new TicketQuery(null, null, null, null, null, null, text, null, null, 20);
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
