package org.opennps.campaign;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * One step of a campaign as the API takes and shows it, told apart by its {@code type}: delay,
 * wait_until, filter or action (the last step, and only that one).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CampaignStep.Delay.class, name = "delay"),
    @JsonSubTypes.Type(value = CampaignStep.WaitUntil.class, name = "wait_until"),
    @JsonSubTypes.Type(value = CampaignStep.Filter.class, name = "filter"),
    @JsonSubTypes.Type(value = CampaignStep.Action.class, name = "action")
})
public sealed interface CampaignStep {

    /** Waits for an ISO-8601 {@code duration} such as P2D. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Delay(String duration) implements CampaignStep {}

    /** Waits for the next send window: {@code days} (MON…SUN, null: every day), {@code from}–{@code to} (HH:mm). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record WaitUntil(List<String> days, String from, String to) implements CampaignStep {}

    /** Stops the journey unless every condition holds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Filter(List<Condition> conditions) implements CampaignStep {}

    /**
     * Does something for the contact: {@code action} is email, web, webhook ({@code url},
     * optional {@code secret}) or message ({@code subject} + {@code body}, no survey).
     *
     * <p>On saving, {@code secret} null keeps the secret stored for the campaign's action (none
     * on a new campaign), the {@link #MASK mask} shown on reading keeps it too, an empty text
     * removes it, and any other text replaces it. Shown, a secret is masked and {@code secretSet}
     * is true.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Action(String action, String subject, String body, String url, String secret, Boolean secretSet)
            implements CampaignStep {

        /** What a shown secret starts with, followed by its last four characters. */
        public static final String MASK = "••••";

        public Action(String action, String subject, String body, String url, String secret) {
            this(action, subject, body, url, secret, null);
        }
    }

    /** A filter step's condition, told apart by its {@code type}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = EventHappened.class, name = "event"),
        @JsonSubTypes.Type(value = AttributeIs.class, name = "attribute"),
        @JsonSubTypes.Type(value = PropertyIs.class, name = "property"),
        @JsonSubTypes.Type(value = NotSurveyedWithin.class, name = "not_surveyed_within"),
        @JsonSubTypes.Type(value = Consent.class, name = "consent")
    })
    sealed interface Condition {}

    /**
     * The contact had an {@code eventType} event {@code within} the duration since the trigger,
     * whose properties equal {@code match} ({@code {{trigger.x}}} names a trigger property).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record EventHappened(String eventType, String within, Map<String, Object> match) implements Condition {}

    /** A contact attribute compared with {@code value} by {@code op} (eq when null). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AttributeIs(String name, String op, Object value) implements Condition {}

    /** A trigger event property compared with {@code value} by {@code op} (eq when null). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PropertyIs(String property, String op, Object value) implements Condition {}

    /** The contact was not sent a survey within {@code duration}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record NotSurveyedWithin(String duration) implements Condition {}

    /** The contact has not unsubscribed. */
    record Consent() implements Condition {}
}
