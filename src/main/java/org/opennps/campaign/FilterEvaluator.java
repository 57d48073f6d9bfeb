package org.opennps.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import org.opennps.contact.Contact;
import org.opennps.event.EventHistory;
import org.opennps.invitation.InvitationService;
import org.opennps.response.ResponseService;
import org.springframework.stereotype.Component;

/** Evaluates filter conditions for one contact and trigger event at a given time. */
@Component
class FilterEvaluator {

    /** Why a filter stopped a journey, or null when every condition held. */
    record Verdict(boolean passed, String reason) {}

    private final EventHistory events;
    private final InvitationService invitations;
    private final ResponseService responses;

    FilterEvaluator(EventHistory events, InvitationService invitations, ResponseService responses) {
        this.events = events;
        this.invitations = invitations;
        this.responses = responses;
    }

    Verdict evaluate(UUID workspaceId, Step.Filter filter, Contact contact, Map<String, Object> trigger, Instant at) {
        for (FilterCondition condition : filter.conditions()) {
            String failure = failure(workspaceId, condition, contact, trigger, at);
            if (failure != null) {
                return new Verdict(false, failure);
            }
        }
        return new Verdict(true, null);
    }

    private String failure(
            UUID ws, FilterCondition condition, Contact contact, Map<String, Object> trigger, Instant at) {
        return switch (condition) {
            case FilterCondition.Event e -> eventFailure(ws, e, contact, trigger, at);
            case FilterCondition.Attribute a ->
                a.condition().test(contact.attributes())
                        ? null
                        : "attribute " + a.condition().describe() + " is false";
            case FilterCondition.Property p ->
                p.condition().test(trigger)
                        ? null
                        : "trigger property " + p.condition().describe() + " is false";
            case FilterCondition.NotSurveyedWithin n -> surveyedWithin(ws, contact.id(), n.duration(), at);
            case FilterCondition.Consent c -> contact.reachable() ? null : "no consent (unsubscribed or bounced)";
        };
    }

    private String eventFailure(
            UUID ws, FilterCondition.Event e, Contact contact, Map<String, Object> trigger, Instant at) {
        Map<String, String> match = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : e.match().entrySet()) {
            Optional<String> resolved = resolve(entry.getValue(), trigger);
            if (resolved.isEmpty()) {
                return "template " + entry.getValue() + " has no value in the trigger event";
            }
            match.put(entry.getKey(), resolved.get());
        }
        // the window ends just after "at", so an event stored at the same instant counts
        boolean found = events.exists(ws, contact.id(), e.eventType(), at.minus(e.within()), at.plusMillis(1), match);
        return found
                ? null
                : "no " + e.eventType() + " " + (match.isEmpty() ? "" : match + " ") + "within " + e.within();
    }

    private String surveyedWithin(UUID ws, UUID contactId, Duration window, Instant at) {
        Instant since = at.minus(window);
        if (invitations
                .lastInvitedAt(ws, contactId)
                .filter(t -> t.isAfter(since))
                .isPresent()) {
            return "invited within " + window;
        }
        if (responses
                .lastRespondedAt(ws, contactId)
                .filter(t -> t.isAfter(since))
                .isPresent()) {
            return "responded within " + window;
        }
        return null;
    }

    /** The text with every {{trigger.x}} replaced, or empty when the trigger lacks an x. */
    static Optional<String> resolve(String template, Map<String, Object> trigger) {
        Matcher m = StepReader.TEMPLATE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Matcher ref = StepReader.TRIGGER_REF.matcher(m.group(1));
            Object value = ref.matches() ? trigger.get(ref.group(1)) : null;
            if (value == null) {
                return Optional.empty();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        m.appendTail(out);
        return Optional.of(out.toString());
    }
}
