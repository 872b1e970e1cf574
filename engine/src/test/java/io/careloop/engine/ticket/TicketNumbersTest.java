package io.careloop.engine.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TicketNumbersTest {

    @Test
    void aNumberIsTheUtcYearOfIntakeAndTheSequenceInSixDigits() {
        assertThat(TicketNumbers.format(Instant.parse("2026-03-02T01:00:00Z"), 123)).isEqualTo("CL-2026-000123");
        assertThat(TicketNumbers.format(Instant.parse("2026-12-31T23:59:59Z"), 1_234_567)).isEqualTo("CL-2026-1234567");
        // New Year's morning in Beijing is still the old year in UTC
        assertThat(TicketNumbers.format(Instant.parse("2026-12-31T16:30:00Z"), 1)).isEqualTo("CL-2026-000001");
    }

    @Test
    void onlyNumbersOfThatShapeLookValid() {
        assertThat(TicketNumbers.looksValid("CL-2026-000123")).isTrue();
        assertThat(TicketNumbers.looksValid("CL-2026-1234567")).isTrue();
        assertThat(TicketNumbers.looksValid("CL-26-000123")).isFalse();
        assertThat(TicketNumbers.looksValid("cl-2026-000123")).isFalse();
        assertThat(TicketNumbers.looksValid(null)).isFalse();
    }
}
