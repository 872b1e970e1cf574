package io.careloop.engine.sla;

import io.careloop.engine.error.InvalidInputException;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * A make-up working day (调休): a date, usually a weekend, that is worked to make up for a
 * holiday moved next to a weekend. It keeps the hours of {@code worksLike}, because the
 * announcements and the office both treat it as an ordinary weekday.
 */
public record MakeUpDay(LocalDate date, DayOfWeek worksLike) {

    public MakeUpDay {
        if (date == null) {
            throw new InvalidInputException("calendar.makeUpDays", "a make-up day needs a date");
        }
        if (worksLike == null) {
            throw new InvalidInputException("calendar.makeUpDays",
                    "make-up day " + date + " needs the weekday whose hours it works");
        }
    }
}
