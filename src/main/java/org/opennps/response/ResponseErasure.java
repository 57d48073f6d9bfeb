package org.opennps.response;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opennps.contact.ContactErased;
import org.opennps.survey.QuestionType;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Anonymises an erased person's responses in the erasing transaction: the contact link,
 * free-text answers and the attribute snapshot go; score, category, channel, choices and times
 * stay for statistics.
 */
@Component
class ResponseErasure {

    private final ResponseRepository responses;
    private final ResponseService service;
    private final SurveyService surveys;
    private final Clock clock;

    ResponseErasure(ResponseRepository responses, ResponseService service, SurveyService surveys, Clock clock) {
        this.responses = responses;
        this.service = service;
        this.surveys = surveys;
        this.clock = clock;
    }

    @EventListener
    void on(ContactErased event) {
        for (Response r : responses.findByContact(event.workspaceId(), event.contactId())) {
            Survey survey = surveys.find(r.workspaceId(), r.surveyId()).orElse(null);
            Map<String, Object> kept = new LinkedHashMap<>(r.answers());
            kept.keySet()
                    .removeIf(id -> survey == null
                            || survey.question(id)
                                    .map(q -> q.type() == QuestionType.TEXT)
                                    .orElse(true));
            Response anonymous = new Response(
                    r.id(),
                    r.workspaceId(),
                    r.surveyId(),
                    r.campaignId(),
                    r.invitationId(),
                    null,
                    r.channel(),
                    r.score(),
                    r.category(),
                    r.confirmed(),
                    kept,
                    Map.of(),
                    r.eventProperties(),
                    r.locale(),
                    r.startedAt(),
                    r.completedAt(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            responses.update(anonymous, false);
            service.announce(r, anonymous);
        }
    }
}
