package org.opennps.respond;

import java.util.UUID;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyService;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A survey exactly as respondents see it, for the editor's preview pane: same page, same brand,
 * chosen score and locale, but nothing is stored and no invitation is involved.
 */
@Controller
class SurveyPreviewPage {

    private final SurveyService surveys;
    private final SurveyPreview preview;

    SurveyPreviewPage(SurveyService surveys, SurveyPreview preview) {
        this.surveys = surveys;
        this.preview = preview;
    }

    @GetMapping("/surveys/{id}/preview")
    String preview(
            WorkspaceAccess access,
            @PathVariable UUID id,
            @RequestParam(required = false) String score,
            @RequestParam(required = false) String locale,
            Model model) {
        Survey survey = surveys.get(access.workspaceId(), id);
        return preview.render(model, access.workspaceId(), survey, FormInput.parseScore(score), locale);
    }

    /** Submitting the preview shows the page again with what was chosen; nothing is saved. */
    @PostMapping("/surveys/{id}/preview")
    String submitted(
            WorkspaceAccess access,
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            Model model) {
        Survey survey = surveys.get(access.workspaceId(), id);
        FormInput input = FormInput.read(params, survey);
        return preview.render(
                model, access.workspaceId(), survey, input.score(), input.answers(), params.getFirst("locale"));
    }
}
