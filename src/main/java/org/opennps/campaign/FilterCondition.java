package org.opennps.campaign;

import java.time.Duration;
import java.util.Map;

/** One condition of a filter step. */
sealed interface FilterCondition {

    /**
     * The contact had an event of {@code eventType} within {@code within} before now whose
     * properties equal {@code match}; values may hold {@code {{trigger.x}}} templates.
     */
    record Event(String eventType, Duration within, Map<String, String> match) implements FilterCondition {}

    /** A contact attribute meets a condition. */
    record Attribute(Condition condition) implements FilterCondition {}

    /** A property of the trigger event meets a condition. */
    record Property(Condition condition) implements FilterCondition {}

    /** The contact was neither invited nor responded within {@code duration}. */
    record NotSurveyedWithin(Duration duration) implements FilterCondition {}

    /** The contact may be contacted: not unsubscribed, not bounced. */
    record Consent() implements FilterCondition {}
}
