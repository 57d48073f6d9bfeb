package org.opennps.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a journey stands: waiting for its next step, held while its campaign is paused, or ended
 * (completed its action, stopped by a filter or the fatigue policy, exited on an event, failed).
 */
public enum JourneyStatus {
    WAITING,
    HELD,
    COMPLETED,
    STOPPED,
    EXITED,
    FAILED;

    /** The word the API and the {@code journey.status} column use. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named by {@code code}, or null when there is no such status. */
    @JsonCreator
    public static JourneyStatus of(String code) {
        for (JourneyStatus s : values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        return null;
    }
}
