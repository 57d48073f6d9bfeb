package org.opennps.campaign;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** One step of a campaign, in order. */
sealed interface Step {

    String type();

    /** Waits a fixed time. */
    record Delay(Duration duration) implements Step {
        public String type() {
            return "delay";
        }
    }

    /** Waits for the next send window, in the contact's time zone (workspace zone as fallback). */
    record WaitUntil(Set<DayOfWeek> days, LocalTime from, LocalTime to) implements Step {
        public String type() {
            return "wait_until";
        }
    }

    /** Stops the journey unless every condition holds. */
    record Filter(List<FilterCondition> conditions) implements Step {
        public String type() {
            return "filter";
        }
    }

    /**
     * Does something for the contact: {@code email}, {@code web}, {@code webhook} ({@code url},
     * optional {@code secret}) or {@code message} ({@code subject} + {@code body}, no survey).
     */
    record Action(String action, String subject, String body, String url, String secret) implements Step {
        public String type() {
            return "action";
        }

        boolean invites() {
            return !"message".equals(action);
        }
    }
}
