package org.opennps.respond;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.survey.Survey;
import org.opennps.workspace.RespondentTexts;
import org.opennps.workspace.Wording;
import org.opennps.workspace.WorkspaceService;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Renders a survey, saved or not, exactly as respondents see it, for previews in the admin
 * pages: nothing is stored and no invitation is involved.
 */
@Component
public class SurveyPreview {

    private final WorkspaceService workspaces;
    private final PageBuilder pages;
    private final RespondentTexts texts;

    SurveyPreview(WorkspaceService workspaces, PageBuilder pages, RespondentTexts texts) {
        this.workspaces = workspaces;
        this.pages = pages;
        this.texts = texts;
    }

    /** Fills the model and returns the view name of the respondent's survey page. */
    public String render(Model model, UUID workspaceId, Survey survey, Integer score, String locale) {
        return render(model, workspaceId, survey, score, Map.of(), locale);
    }

    String render(
            Model model, UUID workspaceId, Survey survey, Integer score, Map<String, Object> answers, String locale) {
        String chosen = survey.chooseLocale(locale == null ? List.of() : List.of(locale));
        Wording wording = texts.wording(workspaceId, chosen);
        model.addAttribute(
                "page",
                pages.build(new PageBuilder.Form(
                        survey,
                        workspaces.get(workspaceId),
                        wording,
                        chosen,
                        "/surveys/" + survey.id() + "/preview?locale=" + chosen,
                        null,
                        null,
                        score,
                        answers,
                        Map.of(),
                        null,
                        wording.text("respond.preview"),
                        true)));
        return "respond/survey";
    }
}
