package org.opennps.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When a send window ({@code wait_until}) next opens, in a contact's time zone. */
final class WaitWindow {

    private WaitWindow() {}

    /** {@code now} when inside the window, else the start of the next window. */
    static Instant next(Step.WaitUntil window, Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        for (int i = 0; i < 8; i++) {
            LocalDate day = local.toLocalDate().plusDays(i);
            if (!window.days().contains(day.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime start = day.atTime(window.from()).atZone(zone);
            ZonedDateTime end = day.atTime(window.to()).atZone(zone);
            if (local.isBefore(start)) {
                return start.toInstant();
            }
            if (local.isBefore(end)) {
                return now;
            }
        }
        throw new IllegalStateException("a window with at least one day always opens within a week");
    }
}
