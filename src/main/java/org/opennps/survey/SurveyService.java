package org.opennps.survey;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.ConflictException;
import org.opennps.shared.NotFoundException;
import org.opennps.shared.PageResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Entry point of the survey module: create, change and read surveys. */
@Service
public class SurveyService {

    private final SurveyRepository surveys;
    private final SurveyTemplates templates;
    private final Clock clock;
    private final ObjectProvider<SurveyDependents> dependents;

    SurveyService(
            SurveyRepository surveys,
            SurveyTemplates templates,
            Clock clock,
            ObjectProvider<SurveyDependents> dependents) {
        this.surveys = surveys;
        this.templates = templates;
        this.clock = clock;
        this.dependents = dependents;
    }

    /** The ready-made surveys, as GET /api/v1/survey-templates lists them. */
    public List<JsonNode> templates() {
        return templates.all();
    }

    /** A new survey made from the template of this key ({@code template} field of the template). */
    @Transactional
    public Survey createFromTemplate(UUID workspaceId, String template) {
        JsonNode body = templates.all().stream()
                .filter(t -> t.path("template").asString("").equals(template))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Survey template"));
        return create(workspaceId, read(body));
    }

    /** Validates a survey body as the API receives it; throws InvalidInputException. */
    public SurveyDraft read(JsonNode body) {
        return SurveyReader.read(body);
    }

    @Transactional
    public Survey create(UUID workspaceId, SurveyDraft draft) {
        Instant now = now();
        Survey survey = new Survey(
                UUID.randomUUID(),
                draft.name(),
                draft.questions(),
                draft.thankYou(),
                draft.invitationExpiry(),
                now,
                now,
                draft.display(),
                draft.title());
        surveys.insert(workspaceId, survey);
        return survey;
    }

    /** Replaces a survey's content; responses already given keep their answers. */
    @Transactional
    public Survey update(UUID workspaceId, UUID surveyId, SurveyDraft draft) {
        Survey current = get(workspaceId, surveyId);
        Survey updated = new Survey(
                current.id(),
                draft.name(),
                draft.questions(),
                draft.thankYou(),
                draft.invitationExpiry(),
                current.createdAt(),
                now(),
                draft.displayGiven() ? draft.display() : current.display(),
                draft.titleGiven() ? draft.title() : current.title(),
                current.archivedAt());
        surveys.update(workspaceId, updated);
        return updated;
    }

    public Optional<Survey> find(UUID workspaceId, UUID surveyId) {
        return surveys.find(workspaceId, surveyId);
    }

    /** The survey, or NotFoundException (404) when the workspace has no such survey. */
    public Survey get(UUID workspaceId, UUID surveyId) {
        return find(workspaceId, surveyId).orElseThrow(() -> new NotFoundException("Survey"));
    }

    /** The workspace a survey belongs to: for public links, which carry only the survey id. */
    public Optional<UUID> workspaceOf(UUID surveyId) {
        return surveys.workspaceOf(surveyId);
    }

    /** Every survey of the workspace, archived ones included (filters and reports still name them). */
    public PageResult<Survey> list(UUID workspaceId, PageResult.Request page) {
        return surveys.list(workspaceId, null, page);
    }

    /** {@code archived} true: only archived surveys; false: only those in use; null: all. */
    public PageResult<Survey> list(UUID workspaceId, Boolean archived, PageResult.Request page) {
        return surveys.list(workspaceId, archived, page);
    }

    /**
     * Archives the survey: lists and the campaign builder hide it and the widget no longer shows
     * it by its display rules; its responses and analytics stay, and links already sent still
     * answer. Archiving twice keeps the first time.
     */
    @Transactional
    public Survey archive(UUID workspaceId, UUID surveyId) {
        Survey survey = get(workspaceId, surveyId);
        if (!survey.archived()) {
            surveys.setArchived(workspaceId, surveyId, now());
        }
        return get(workspaceId, surveyId);
    }

    /** Brings an archived survey back into the lists. */
    @Transactional
    public Survey unarchive(UUID workspaceId, UUID surveyId) {
        get(workspaceId, surveyId);
        surveys.setArchived(workspaceId, surveyId, null);
        return get(workspaceId, surveyId);
    }

    /** What deleting the survey would remove, and what stops it (campaigns that send it). */
    public SurveyDeletion deletion(UUID workspaceId, UUID surveyId) {
        Survey survey = get(workspaceId, surveyId);
        Map<String, Long> removed = new LinkedHashMap<>();
        List<String> blockers = new ArrayList<>();
        dependents.orderedStream().forEach(d -> {
            d.counts(workspaceId, surveyId).forEach((kind, n) -> removed.merge(kind, n, Long::sum));
            blockers.addAll(d.blockers(workspaceId, surveyId));
        });
        return new SurveyDeletion(survey, removed, blockers);
    }

    /**
     * Deletes the survey with everything kept for it (responses, their cases and analytics,
     * invitations). A survey holding data is deleted only with {@code confirmed}; one that a
     * campaign still sends is not deleted at all (409 either way, naming why).
     */
    @Transactional
    public SurveyDeletion delete(UUID workspaceId, UUID surveyId, boolean confirmed) {
        SurveyDeletion deletion = deletion(workspaceId, surveyId);
        if (!deletion.blockers().isEmpty()) {
            throw new ConflictException("id", String.join(" ", deletion.blockers()));
        }
        if (deletion.needsConfirmation() && !confirmed) {
            throw new ConflictException(
                    "confirm",
                    "Deleting this survey also deletes " + describe(deletion.removed())
                            + ". Archive it to keep them, or confirm the deletion (confirm=true).");
        }
        dependents.orderedStream().forEach(d -> d.delete(workspaceId, surveyId));
        surveys.delete(workspaceId, surveyId);
        return deletion;
    }

    /** "12 responses and 30 invitations": the counts that are not zero, in words. */
    public static String describe(Map<String, Long> removed) {
        List<String> parts = removed.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey())
                .toList();
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "nothing else" : parts.getFirst();
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }

    /** The workspace's surveys that have display rules, for the widget to choose from. */
    public List<Survey> withDisplay(UUID workspaceId) {
        return surveys.withDisplay(workspaceId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
