package org.opennps.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Formatting for admin pages, used as {@code ${@fmt.time(instant, zone)}} in templates. */
@Component("fmt")
public class UiFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The instant in the given time zone, or "—" when absent. */
    public String time(Instant instant, String zone) {
        if (instant == null) {
            return "—";
        }
        return TIME.format(instant.atZone(zone == null ? ZoneId.of("UTC") : ZoneId.of(zone)));
    }
}
