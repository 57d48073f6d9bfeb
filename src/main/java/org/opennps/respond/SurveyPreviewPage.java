package org.opennps.respond;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyService;
import org.opennps.workspace.WorkspaceAccess;
import org.opennps.workspace.WorkspaceService;
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
    private final WorkspaceService workspaces;
    private final PageBuilder pages;

    SurveyPreviewPage(SurveyService surveys, WorkspaceService workspaces, PageBuilder pages) {
        this.surveys = surveys;
        this.workspaces = workspaces;
        this.pages = pages;
    }

    @GetMapping("/surveys/{id}/preview")
    String preview(
            WorkspaceAccess access,
            @PathVariable UUID id,
            @RequestParam(required = false) String score,
            @RequestParam(required = false) String locale,
            Model model) {
        Survey survey = surveys.get(access.workspaceId(), id);
        return render(access, survey, FormInput.parseScore(score), Map.of(), locale, model);
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
        return render(access, survey, input.score(), input.answers(), params.getFirst("locale"), model);
    }

    private String render(
            WorkspaceAccess access,
            Survey survey,
            Integer score,
            Map<String, Object> answers,
            String locale,
            Model model) {
        String chosen = survey.chooseLocale(locale == null ? List.of() : List.of(locale));
        model.addAttribute(
                "page",
                pages.build(new PageBuilder.Form(
                        survey,
                        workspaces.get(access.workspaceId()),
                        chosen,
                        "/surveys/" + survey.id() + "/preview?locale=" + chosen,
                        score,
                        answers,
                        Map.of(),
                        "Preview: answers are not saved.")));
        return "respond/survey";
    }
}
