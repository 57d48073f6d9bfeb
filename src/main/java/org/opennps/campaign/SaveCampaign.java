package org.opennps.campaign;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * A campaign as the API takes it ({@code POST}/{@code PUT /api/v1/campaigns}) and shows it: the
 * JSON document, field for field. Durations, days and times keep the text they were given in
 * ({@code "P2D"}, {@code "MON"}, {@code "09:00"}), since the API shows a campaign as it was
 * written; {@link CampaignService} validates the whole and names every broken field by its path.
 * Absent fields are null and stay absent when shown.
 *
 * @param status draft, active or paused; null on an update keeps the current status
 * @param trigger the event that starts a journey, or null for a campaign with an {@code audience}
 * @param audience past respondents enrolled on activation, instead of a trigger
 * @param resurvey with an audience: survey each enrolled contact again at their next milestone
 * @param samplingPercent share of matching events that start a journey (null: 100)
 * @param dailyCap at most this many journeys started per day (null: no cap)
 * @param precision sample the share that gives ±points NPS points per segment a month instead of
 *     a fixed {@code samplingPercent} (which then applies only until there are answers to plan from)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SaveCampaign(
        String name,
        UUID surveyId,
        CampaignStatus status,
        Trigger trigger,
        Audience audience,
        Resurvey resurvey,
        List<String> exitOn,
        Integer samplingPercent,
        Integer dailyCap,
        List<CampaignStep> steps,
        Precision precision) {

    /** The campaign without a precision target. */
    public SaveCampaign(
            String name,
            UUID surveyId,
            CampaignStatus status,
            Trigger trigger,
            Audience audience,
            Resurvey resurvey,
            List<String> exitOn,
            Integer samplingPercent,
            Integer dailyCap,
            List<CampaignStep> steps) {
        this(name, surveyId, status, trigger, audience, resurvey, exitOn, samplingPercent, dailyCap, steps, null);
    }

    /** The same campaign with another status (null: none given). */
    public SaveCampaign withStatus(CampaignStatus newStatus) {
        return new SaveCampaign(
                name,
                surveyId,
                newStatus,
                trigger,
                audience,
                resurvey,
                exitOn,
                samplingPercent,
                dailyCap,
                steps,
                precision);
    }

    /** The same campaign with other steps. */
    public SaveCampaign withSteps(List<CampaignStep> newSteps) {
        return new SaveCampaign(
                name,
                surveyId,
                status,
                trigger,
                audience,
                resurvey,
                exitOn,
                samplingPercent,
                dailyCap,
                newSteps,
                precision);
    }

    /**
     * Events of {@code eventType} start a journey when every {@code where} condition on their
     * properties holds. {@code acceptClientEvents} lets events sent with the public key start one
     * too, which activation allows only with {@code requireSignedIdentity}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Trigger(
            String eventType,
            List<PropertyCondition> where,
            Boolean acceptClientEvents,
            Boolean requireSignedIdentity) {

        public Trigger(String eventType, List<PropertyCondition> where) {
            this(eventType, where, null, null);
        }
    }

    /** {@code {"property":"value","op":"gte","value":10}}: op defaults to eq; value is a scalar or, for in, a list. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PropertyCondition(String property, String op, Object value) {}

    /** Contacts with a response meeting every given restriction (times as ISO text). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Audience(
            UUID surveyId,
            List<String> categories,
            List<String> areas,
            List<String> themes,
            String since,
            String until) {}

    /** "±{@code points} NPS points per segment of {@code per} ({@code attribute:city}) a month". */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Precision(Double points, String per) {}

    /** Survey each enrolled contact again at their next {@code onEvent}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Resurvey(String onEvent, UUID surveyId, String subject) {}
}
