package org.opennps.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opennps.analytics.RespondentQuery;

/**
 * What a campaign does, as validated from its JSON. Immutable: an edit makes a new version. A
 * campaign either starts journeys on a trigger event, or ("we listened") enrolls an
 * {@code audience} of past respondents when it is activated, optionally re-surveying each of them
 * at their next milestone event ({@code resurvey}).
 *
 * @param triggerEventType the trigger's event type; for an audience campaign the re-survey's event
 *     (or null), so the same index look-up finds it
 * @param acceptClientEvents the trigger also accepts events sent with the public key, when the
 *     visitor's identity was signed ({@code trigger.accept_client_events} with
 *     {@code trigger.require_signed_identity}); otherwise only server events start journeys
 * @param precision the precision asked for instead of a fixed share ({@code precision}), or null:
 *     the share then follows from the campaign's observed answers ({@link PrecisionSampling}) and
 *     {@code samplingPercent} is only the share used until there are any
 */
record CampaignDefinition(
        String name,
        UUID surveyId,
        String status,
        String triggerEventType,
        List<Condition> where,
        List<String> exitOn,
        int samplingPercent,
        Integer dailyCap,
        List<Step> steps,
        Audience audience,
        Resurvey resurvey,
        boolean acceptClientEvents,
        Precision precision) {

    /** {@code trigger_event_id} of the journey that enrolls a contact of an audience. */
    static final String AUDIENCE = "audience";

    /** {@code trigger_event_id} of the journey that re-surveys an enrolled contact. */
    static final String RESURVEY = "resurvey";

    Step.Action action() {
        return (Step.Action) steps.getLast();
    }

    /** What the re-survey journey runs: one survey e-mail, through the same fatigue policy. */
    CampaignDefinition resurveyJourney() {
        return new CampaignDefinition(
                name,
                resurvey.surveyId(),
                status,
                resurvey.onEvent(),
                List.of(),
                exitOn,
                samplingPercent,
                dailyCap,
                List.of(new Step.Action(
                        "email",
                        resurvey.subject() == null ? JourneyActions.DEFAULT_SUBJECT : resurvey.subject(),
                        null,
                        null,
                        null)),
                null,
                null,
                false,
                precision);
    }

    /** Who an audience campaign enrolls: contacts with a response meeting every given restriction. */
    record Audience(
            UUID surveyId,
            Set<String> categories,
            Set<String> areas,
            Set<String> themes,
            Instant since,
            Instant until) {

        RespondentQuery query() {
            return new RespondentQuery(surveyId, categories, areas, themes, since, until);
        }
    }

    /** "±{@code points} NPS points per segment of {@code per} (attribute:city) a month". */
    record Precision(double points, String per) {}

    /** Survey each enrolled contact again at their next {@code onEvent}, through the fatigue policy. */
    record Resurvey(String onEvent, UUID surveyId, String subject) {}
}
