package org.opennps.respond;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.opennps.invitation.Channel;
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
 * anonymous invitation; the following steps continue on its own page, like a personal link. A
 * link with {@code ?score=} is the personal link's one-click score: it goes on to the new
 * invitation's page with that score, which counts once a browser shows it. A browser that
 * answered comes back to its own response ({@link LinkCookie}).
 */
@Controller
class PublicLinkController {

    private final SurveyService surveys;
    private final WorkspaceService workspaces;
    private final InvitationService invitations;
    private final RespondentFlow flow;
    private final PublicLinkLimiter limiter;
    private final LinkCookie browsers;

    PublicLinkController(
            SurveyService surveys,
            WorkspaceService workspaces,
            InvitationService invitations,
            RespondentFlow flow,
            PublicLinkLimiter limiter,
            LinkCookie browsers) {
        this.surveys = surveys;
        this.workspaces = workspaces;
        this.invitations = invitations;
        this.flow = flow;
        this.limiter = limiter;
        this.browsers = browsers;
    }

    /**
     * The survey. With {@code ?score=} an anonymous invitation is made and the browser goes on to
     * its page with the score, exactly as from a score in an e-mail: saved unconfirmed, counted
     * once the page is shown ({@code data-confirm}), never by a plain fetch of the link.
     */
    @GetMapping("/l/{surveyId}")
    String open(
            @PathVariable String surveyId,
            @RequestParam(required = false) String score,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        limiter.check(request.getRemoteAddr());
        Target target = target(surveyId);
        Integer chosen = FormInput.parseScore(score);
        String withScore = chosen == null ? "" : "?score=" + chosen;
        var earlier = browsers.earlier(request, target.survey().id());
        if (earlier.isPresent()) {
            return "redirect:/s/" + earlier.get() + withScore;
        }
        if (chosen != null) {
            limiter.checkAnswer(target.survey().id().toString(), request.getRemoteAddr());
            return "redirect:/s/" + issue(target, request, response) + withScore;
        }
        model.addAttribute(
                "page",
                flow.blank(target.survey(), target.workspace(), locale(target, request), "/l/" + surveyId, null, null));
        return "respond/survey";
    }

    /** A new anonymous invitation on the public link, remembered by this browser; its token. */
    private String issue(Target target, HttpServletRequest request, HttpServletResponse response) {
        Invitation invitation = invitations.issue(new IssueInvitation(
                target.workspace().id(), target.survey().id(), null, Channel.LINK, null, null, Map.of()));
        String url = invitations.surveyUrl(invitation);
        String token = url.substring(url.lastIndexOf("/s/") + 3);
        browsers.remember(request, response, invitation, token);
        return token;
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
        FormInput input = FormInput.read(params, target.survey());
        String locale = locale(target, request);
        String action = "/l/" + surveyId;
        boolean genuine = flow.genuine(action, params.getFirst(SurveyPageController.NONCE));
        var earlier = browsers.earlier(request, target.survey().id());
        if (earlier.isPresent() && genuine) {
            // this browser answered already: its own response goes on, no second one starts
            Visit visit = flow.visit(earlier.get(), Locales.accepted(request));
            String blocked = flow.blocked(visit);
            if (blocked != null) {
                return Messages.state(model, visit, blocked);
            }
            return SurveyPageController.render(flow.step(visit, input, false), earlier.get(), model, response);
        }
        if (genuine) {
            limiter.checkAnswer(target.survey().id().toString(), request.getRemoteAddr());
        }
        if (!genuine) {
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
        String token = issue(target, request, response);
        Visit visit = flow.visit(token, Locales.accepted(request));
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
