package io.careloop.engine.sla;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import static io.careloop.engine.sla.SampleCalendars.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaClockTest {

    private final BusinessCalendar office = BusinessCalendar.chineseOffice();
    private final DueDateCalculator time = DueDateCalculator.businessTime(office);

    private LocalDateTime local(Instant t) {
        return LocalDateTime.ofInstant(t, office.zone());
    }

    @Test
    void pausingKeepsTheBusinessTimeLeft() {
        SlaClock clock = SlaClock.start(at(office, "2026-03-09T09:00"), Duration.ofHours(24), time);

        SlaClock paused = clock.pause(at(office, "2026-03-10T10:00"), time);

        assertThat(paused.isPaused()).isTrue();
        assertThat(paused.remaining()).isEqualTo(Duration.ofHours(15));
        assertThat(paused.remainingAt(at(office, "2026-03-20T10:00"), time)).isEqualTo(Duration.ofHours(15));
    }

    @Test
    void resumingAddsTheTimeLeftFromTheMomentOfResuming() {
        SlaClock paused = SlaClock.start(at(office, "2026-03-09T09:00"), Duration.ofHours(24), time)
                .pause(at(office, "2026-03-10T10:00"), time);

        SlaClock resumed = paused.resume(at(office, "2026-03-12T16:00"), time);

        // 2 h on Thursday, 8 h on Friday, then 3 h before lunch and 2 h after on Monday.
        assertThat(resumed.isPaused()).isFalse();
        assertThat(local(resumed.due())).isEqualTo("2026-03-16T15:00");
    }

    @Test
    void resumingRightAfterPausingGivesTheSameDueDate() {
        SlaClock clock = SlaClock.start(at(office, "2026-03-09T09:00"), Duration.ofHours(24), time);
        Instant now = at(office, "2026-03-10T10:00");

        assertThat(clock.pause(now, time).resume(now, time)).isEqualTo(clock);
    }

    @Test
    void aPauseOverTheWeekendCostsNothing() {
        SlaClock clock = SlaClock.running(at(office, "2026-03-17T12:00"));

        SlaClock paused = clock.pause(at(office, "2026-03-13T18:00"), time);
        SlaClock resumed = paused.resume(at(office, "2026-03-16T09:00"), time);

        assertThat(paused.remaining()).isEqualTo(Duration.ofHours(11));
        assertThat(resumed).isEqualTo(clock);
    }

    @Test
    void aDueDateAtAnOpeningIsResumedAtTheMatchingClosingTime() {
        // Monday 09:00 and the Friday 18:00 before it are the same point in business time.
        SlaClock clock = SlaClock.running(at(office, "2026-03-16T09:00"));
        Instant now = at(office, "2026-03-13T10:00");

        SlaClock resumed = clock.pause(now, time).resume(now, time);

        assertThat(local(resumed.due())).isEqualTo("2026-03-13T18:00");
        assertThat(time.businessTimeBetween(resumed.due(), clock.due())).isZero();
    }

    @Test
    void aClockPausedWhenAlreadyOverdueKeepsItsDueDate() {
        SlaClock clock = SlaClock.running(at(office, "2026-03-10T10:00"));

        SlaClock paused = clock.pause(at(office, "2026-03-10T12:00"), time);
        SlaClock resumed = paused.resume(at(office, "2026-03-11T09:00"), time);

        assertThat(paused.remaining()).isEqualTo(Duration.ofHours(-2));
        assertThat(resumed.due()).isEqualTo(clock.due());
    }

    @Test
    void pausingTwiceOrResumingARunningClockChangesNothing() {
        SlaClock clock = SlaClock.running(at(office, "2026-03-12T10:00"));
        SlaClock paused = clock.pause(at(office, "2026-03-10T10:00"), time);

        assertThat(paused.pause(at(office, "2026-03-11T10:00"), time)).isEqualTo(paused);
        assertThat(clock.resume(at(office, "2026-03-11T10:00"), time)).isEqualTo(clock);
    }

    @Test
    void aClockCannotResumeBeforeItWasPaused() {
        SlaClock paused = SlaClock.running(at(office, "2026-03-12T10:00")).pause(at(office, "2026-03-10T10:00"), time);

        assertThatThrownBy(() -> paused.resume(at(office, "2026-03-10T09:00"), time))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before the pause");
    }

    @Test
    void inCalendarModeAPauseMovesTheDueDateByExactlyTheTimePaused() {
        DueDateCalculator calendarTime = DueDateCalculator.calendarTime();
        SlaClock clock = SlaClock.start(Instant.parse("2026-03-13T10:00:00Z"), Duration.ofHours(24), calendarTime);

        SlaClock resumed = clock.pause(Instant.parse("2026-03-13T12:00:00Z"), calendarTime)
                .resume(Instant.parse("2026-03-15T12:00:00Z"), calendarTime);

        assertThat(resumed.due()).isEqualTo(Instant.parse("2026-03-16T10:00:00Z"));
    }

    @Test
    void aPausedClockNeedsBothItsPauseInstantAndItsRemainingTime() {
        assertThatThrownBy(() -> new SlaClock(Instant.EPOCH, Instant.EPOCH, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
