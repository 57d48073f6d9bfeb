package org.opennps.survey;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.shared.PageResult;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
class SurveyController {

    private final SurveyService surveys;
    private final SurveyTemplates templates;

    SurveyController(SurveyService surveys, SurveyTemplates templates) {
        this.surveys = surveys;
        this.templates = templates;
    }

    @PostMapping("/api/v1/surveys")
    ResponseEntity<Survey> create(WorkspaceAccess access, @RequestBody JsonNode body) {
        Survey survey = surveys.create(access.workspaceId(), surveys.read(body));
        return ResponseEntity.created(URI.create("/api/v1/surveys/" + survey.id()))
                .body(survey);
    }

    @GetMapping("/api/v1/surveys/{id}")
    Survey get(WorkspaceAccess access, @PathVariable UUID id) {
        return surveys.get(access.workspaceId(), id);
    }

    @PutMapping("/api/v1/surveys/{id}")
    Survey update(WorkspaceAccess access, @PathVariable UUID id, @RequestBody JsonNode body) {
        surveys.get(access.workspaceId(), id);
        return surveys.update(access.workspaceId(), id, surveys.read(body));
    }

    /** Every survey; {@code archived=true} only the archived ones, {@code archived=false} the others. */
    @GetMapping("/api/v1/surveys")
    PageResult<Survey> list(
            WorkspaceAccess access,
            @RequestParam(required = false) Boolean archived,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return surveys.list(access.workspaceId(), archived, PageResult.Request.of(page, size));
    }

    @PostMapping("/api/v1/surveys/{id}/archive")
    Survey archive(WorkspaceAccess access, @PathVariable UUID id) {
        return surveys.archive(access.workspaceId(), id);
    }

    @PostMapping("/api/v1/surveys/{id}/unarchive")
    Survey unarchive(WorkspaceAccess access, @PathVariable UUID id) {
        return surveys.unarchive(access.workspaceId(), id);
    }

    /** What {@code DELETE} would remove with the survey, and what stops it; changes nothing. */
    @GetMapping("/api/v1/surveys/{id}/deletion")
    Map<String, Object> deletion(WorkspaceAccess access, @PathVariable UUID id) {
        return view(surveys.deletion(access.workspaceId(), id));
    }

    /**
     * Deletes the survey: {@code 204}. One holding responses or invitations answers {@code 409}
     * with their counts unless {@code confirm=true}; one a campaign sends answers {@code 409}.
     */
    @DeleteMapping("/api/v1/surveys/{id}")
    ResponseEntity<Void> delete(
            WorkspaceAccess access, @PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirm) {
        surveys.delete(access.workspaceId(), id, confirm);
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> view(SurveyDeletion d) {
        return Map.of(
                "survey_id", d.survey().id(),
                "removes", d.removed(),
                "needs_confirmation", d.needsConfirmation(),
                "blocked_by", d.blockers());
    }

    /** Ready surveys for the common cases; each item can be posted to /api/v1/surveys as it is. */
    @GetMapping("/api/v1/survey-templates")
    Map<String, List<JsonNode>> templates(WorkspaceAccess access) {
        return Map.of("items", templates.all());
    }
}
