package org.opennps.analytics;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opennps.response.ResponseRecorded;
import org.opennps.response.ResponsesDeleted;
import org.opennps.response.ResponsesImported;
import org.opennps.shared.Coded;
import org.opennps.survey.Question;
import org.opennps.survey.QuestionType;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyService;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Feeds every response change into the fact table, after the response's transaction commits;
 * the event publication registry retries an unfinished projection after a restart. Imported
 * history comes in batches, projected inside the batch's own transaction instead.
 */
@Component
class ResponseRecordedListener {

    private final AnalyticsProjection projection;
    private final SurveyService surveys;

    ResponseRecordedListener(AnalyticsProjection projection, SurveyService surveys) {
        this.projection = projection;
        this.surveys = surveys;
    }

    @ApplicationModuleListener
    void on(ResponseRecorded e) {
        Optional<Survey> survey = e.surveyId() == null ? Optional.empty() : surveys.find(e.workspaceId(), e.surveyId());
        if (e.surveyId() != null && survey.isEmpty()) {
            return; // the survey was deleted with its responses after this change: nothing to count
        }
        projection.record(fact(e, survey.map(ResponseRecordedListener::kinds).orElse(null)));
    }

    /**
     * A batch of imported history, taken in within the transaction that stores it (a plain,
     * synchronous listener): the batch's facts and rollup rows are written together with it.
     */
    @EventListener
    void on(ResponsesImported batch) {
        Map<UUID, Optional<Answers.Kinds>> kinds = new HashMap<>();
        List<ResponseFact> facts = batch.responses().stream()
                .map(e -> fact(
                        e,
                        kinds.computeIfAbsent(
                                        e.surveyId() == null ? Rollups.NONE : e.surveyId(),
                                        s -> Optional.ofNullable(kinds(e.workspaceId(), e.surveyId())))
                                .orElse(null)))
                .toList();
        projection.recordAll(batch.workspaceId(), facts);
    }

    private static ResponseFact fact(ResponseRecorded e, Answers.Kinds kinds) {
        return new ResponseFact(
                e.workspaceId(),
                e.responseId(),
                e.surveyId(),
                e.campaignId(),
                e.invitationId(),
                e.contactId(),
                Coded.codeOf(e.channel()),
                e.score(),
                e.category() == null ? null : e.category().code(),
                e.confirmed(),
                e.answers(),
                e.contactAttributes(),
                e.eventProperties(),
                e.locale(),
                e.startedAt(),
                e.completedAt(),
                e.updatedAt(),
                kinds);
    }

    /** Deleted responses leave the facts and the daily rollup in the deleting transaction. */
    @EventListener
    void on(ResponsesDeleted e) {
        projection.forget(e.workspaceId(), e.responseIds());
    }

    /** The question kinds of a response's survey, null without one. */
    private Answers.Kinds kinds(UUID workspaceId, UUID surveyId) {
        Optional<Survey> survey = surveyId == null ? Optional.empty() : surveys.find(workspaceId, surveyId);
        return survey.map(ResponseRecordedListener::kinds).orElse(null);
    }

    /** The area question is "area", or else the single choice whose options are the areas. */
    private static Answers.Kinds kinds(Survey s) {
        List<Question> questions = s.questions();
        String area = questions.stream()
                .filter(q -> q.type() == QuestionType.SINGLE_CHOICE)
                .filter(q -> Answers.AREA_QUESTION.equals(q.id()) || Answers.areAreas(q.options()))
                .sorted(Comparator.comparing(q -> !Answers.AREA_QUESTION.equals(q.id())))
                .map(Question::id)
                .findFirst()
                .orElse(null);
        Set<String> texts = questions.stream()
                .filter(q -> q.type() == QuestionType.TEXT)
                .map(Question::id)
                .collect(Collectors.toSet());
        return new Answers.Kinds(area, texts);
    }
}
