package org.opennps.analytics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.opennps.shared.InvalidInputException;

/**
 * Consecutive calendar buckets in a time zone: days from local midnight, weeks from Monday,
 * months from the 1st. Bucket lengths follow the calendar, so a day across a DST change has
 * 23 or 25 hours.
 */
final class TimeBuckets {

    static final int MAX_BUCKETS = 1000;

    private final List<ZonedDateTime> starts;
    private final Instant[] startInstants;
    private final ZonedDateTime end;

    private TimeBuckets(List<ZonedDateTime> starts, ZonedDateTime end) {
        this.starts = starts;
        this.end = end;
        this.startInstants = starts.stream().map(ZonedDateTime::toInstant).toArray(Instant[]::new);
    }

    /** Buckets from the one holding {@code from} to the one holding the last instant before {@code to}. */
    static TimeBuckets of(String interval, ZoneId zone, Instant from, Instant to) {
        String unit = interval.toLowerCase(Locale.ROOT);
        if (!List.of("day", "week", "month").contains(unit)) {
            throw new InvalidInputException("interval", "must be day, week or month");
        }
        List<ZonedDateTime> starts = new ArrayList<>();
        ZonedDateTime start = align(unit, from.atZone(zone));
        while (start.toInstant().isBefore(to)) {
            starts.add(start);
            if (starts.size() > MAX_BUCKETS) {
                throw new InvalidInputException(
                        "interval", "gives more than " + MAX_BUCKETS + " points; narrow since/until");
            }
            start = next(unit, start);
        }
        return new TimeBuckets(starts, start);
    }

    List<ZonedDateTime> starts() {
        return starts;
    }

    ZonedDateTime endOf(int index) {
        return index + 1 < starts.size() ? starts.get(index + 1) : end;
    }

    /** Index of the bucket holding the instant, or -1 outside all buckets. */
    int indexOf(Instant instant) {
        if (starts.isEmpty() || instant.isBefore(startInstants[0]) || !instant.isBefore(end.toInstant())) {
            return -1;
        }
        int found = Arrays.binarySearch(startInstants, instant);
        return found >= 0 ? found : -found - 2;
    }

    private static ZonedDateTime align(String unit, ZonedDateTime t) {
        ZonedDateTime day = t.toLocalDate().atStartOfDay(t.getZone());
        return switch (unit) {
            case "day" -> day;
            case "week" ->
                day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                        .toLocalDate()
                        .atStartOfDay(t.getZone());
            default -> t.toLocalDate().withDayOfMonth(1).atStartOfDay(t.getZone());
        };
    }

    private static ZonedDateTime next(String unit, ZonedDateTime start) {
        return switch (unit) {
            case "day" -> start.toLocalDate().plusDays(1).atStartOfDay(start.getZone());
            case "week" -> start.toLocalDate().plusWeeks(1).atStartOfDay(start.getZone());
            default -> start.toLocalDate().plusMonths(1).atStartOfDay(start.getZone());
        };
    }
}
