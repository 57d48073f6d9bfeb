package org.opennps.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.opennps.event.ContactEvent;

/**
 * How many ordered steps one contact completed: starting from any occurrence of the first
 * step, each next step must follow the previous one and lie within {@code within} of the
 * start. The best start counts.
 */
final class FunnelDepth {

    private FunnelDepth() {}

    /** {@code events} oldest first. */
    static int of(List<ContactEvent> events, List<String> steps, Duration within) {
        int best = 0;
        for (int s = 0; s < events.size() && best < steps.size(); s++) {
            if (events.get(s).type().equals(steps.getFirst())) {
                best = Math.max(best, from(events, s, steps, within));
            }
        }
        return best;
    }

    private static int from(List<ContactEvent> events, int start, List<String> steps, Duration within) {
        Instant deadline = events.get(start).occurredAt().plus(within);
        int depth = 1;
        for (int i = start + 1; i < events.size() && depth < steps.size(); i++) {
            ContactEvent e = events.get(i);
            if (e.occurredAt().isAfter(deadline)) {
                break;
            }
            if (e.type().equals(steps.get(depth))) {
                depth++;
            }
        }
        return depth;
    }
}
