package org.opennps.respond;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.opennps.invitation.Invitation;
import org.opennps.invitation.InvitationService;
import org.opennps.invitation.IssueInvitation;
import org.opennps.shared.RateLimitedException;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyService;
import org.opennps.workspace.Workspace;
import org.opennps.workspace.WorkspaceService;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The anonymous public link of a survey (website, QR code). The first answer creates an
 * anonymous invitation; the following steps continue on its own page, like a personal link.
 */
@Controller
class PublicLinkController {

    private final SurveyService surveys;
    private final WorkspaceService workspaces;
    private final InvitationService invitations;
    private final RespondentFlow flow;
    private final PublicLinkLimiter limiter;

    PublicLinkController(
            SurveyService surveys,
            WorkspaceService workspaces,
            InvitationService invitations,
            RespondentFlow flow,
            PublicLinkLimiter limiter) {
        this.surveys = surveys;
        this.workspaces = workspaces;
        this.invitations = invitations;
        this.flow = flow;
        this.limiter = limiter;
    }

    /** The survey, with a score chosen already when the link carries {@code ?score=} (saved on submit). */
    @GetMapping("/l/{surveyId}")
    String open(
            @PathVariable String surveyId,
            @RequestParam(required = false) String score,
            HttpServletRequest request,
            Model model) {
        limiter.check(request.getRemoteAddr());
        Target target = target(surveyId);
        model.addAttribute(
                "page",
                flow.blank(
                        target.survey(),
                        target.workspace(),
                        locale(target, request),
                        "/l/" + surveyId,
                        FormInput.parseScore(score),
                        null));
        return "respond/survey";
    }

    private static String locale(Target target, HttpServletRequest request) {
        return Locales.choose(
                target.survey(),
                null,
                Locales.accepted(request),
                target.workspace().settings().defaultLocale());
    }

    @PostMapping("/l/{surveyId}")
    String answer(
            @PathVariable String surveyId,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        limiter.check(request.getRemoteAddr());
        Target target = target(surveyId);
        limiter.checkAnswer(target.survey().id().toString(), request.getRemoteAddr());
        FormInput input = FormInput.read(params, target.survey());
        String locale = locale(target, request);
        String action = "/l/" + surveyId;
        if (!flow.genuine(action, params.getFirst(SurveyPageController.NONCE))) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute(
                    "page",
                    flow.blank(
                            target.survey(),
                            target.workspace(),
                            locale,
                            action,
                            input.score(),
                            flow.wording(target.workspace(), locale).text("respond.error.stale")));
            return "respond/survey";
        }
        if (input.empty()) {
            response.setStatus(422);
            model.addAttribute(
                    "page",
                    flow.blank(
                            target.survey(),
                            target.workspace(),
                            locale,
                            action,
                            null,
                            flow.wording(target.workspace(), locale).text("respond.error.no-score")));
            return "respond/survey";
        }
        Invitation invitation = invitations.issue(
                new IssueInvitation(target.workspace().id(), target.survey().id(), null, "link", null, null, Map.of()));
        String url = invitations.surveyUrl(invitation);
        String token = url.substring(url.lastIndexOf("/s/") + 3);
        Visit visit = flow.visit(token, invitation, Locales.accepted(request));
        return SurveyPageController.render(flow.step(visit, input, false), token, model, response);
    }

    private Target target(String surveyId) {
        UUID id;
        try {
            id = UUID.fromString(surveyId);
        } catch (IllegalArgumentException e) {
            throw new PageNotFoundException();
        }
        UUID workspaceId = surveys.workspaceOf(id).orElseThrow(PageNotFoundException::new);
        return new Target(surveys.get(workspaceId, id), workspaces.get(workspaceId));
    }

    private record Target(Survey survey, Workspace workspace) {}

    @ExceptionHandler(PageNotFoundException.class)
    String notFound(HttpServletRequest request, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return Messages.notFound(model, flow.anonymous(Locales.accepted(request)));
    }

    @ExceptionHandler(RateLimitedException.class)
    String rateLimited(RateLimitedException e, HttpServletRequest request, Model model, HttpServletResponse response) {
        response.setStatus(429);
        response.setHeader(
                HttpHeaders.RETRY_AFTER,
                Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        return Messages.rateLimited(model, flow.anonymous(Locales.accepted(request)));
    }
}
