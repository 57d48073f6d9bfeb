package org.opennps.respond;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.opennps.contact.ContactService;
import org.opennps.shared.RateLimitedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The survey page of one invitation, its one-click scores, thank-you and unsubscribe pages.
 * No HTTP session is involved: the link token names and authorises the invitation, and every
 * form posts back the signed page nonce it was served with ({@link #NONCE}).
 */
@Controller
class SurveyPageController {

    static final String BACKGROUND = "X-OpenNPS-Step";

    /** The form field carrying the page nonce. */
    static final String NONCE = "_page";

    private final RespondentFlow flow;
    private final ContactService contacts;

    SurveyPageController(RespondentFlow flow, ContactService contacts) {
        this.flow = flow;
        this.contacts = contacts;
    }

    @GetMapping("/s/{token}")
    String open(
            @PathVariable String token,
            @RequestParam(required = false) String score,
            HttpServletRequest request,
            Model model) {
        Visit visit = flow.visit(token, Locales.accepted(request));
        String blocked = flow.blocked(visit);
        if (blocked != null) {
            return Messages.state(model, visit, blocked);
        }
        model.addAttribute("page", flow.open(visit, FormInput.parseScore(score)));
        return "respond/survey";
    }

    @PostMapping("/s/{token}")
    String answer(
            @PathVariable String token,
            @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(name = BACKGROUND, required = false) String background,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response) {
        Visit visit = flow.visit(token, Locales.accepted(request));
        String blocked = flow.blocked(visit);
        if (blocked != null) {
            return Messages.state(model, visit, blocked);
        }
        FormInput input = FormInput.read(params, visit.survey());
        if (!flow.genuine(visit.path(), params.getFirst(NONCE))) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("page", flow.refused(visit, input));
            return "respond/survey";
        }
        return render(flow.step(visit, input, background != null), token, model, response);
    }

    /**
     * The page script's confirmation that a one-click score was shown in a browser: only then
     * does the score count (a link scanner fetching the e-mail's links renders nothing).
     */
    @PostMapping("/s/{token}/confirm")
    ResponseEntity<Void> confirm(
            @PathVariable String token, @RequestParam(name = NONCE, required = false) String nonce) {
        Visit visit = flow.visit(token, java.util.List.of());
        if (!flow.genuine(visit.path(), nonce)) {
            return ResponseEntity.status(HttpServletResponse.SC_FORBIDDEN).build();
        }
        if (flow.blocked(visit) == null) {
            flow.confirm(visit);
        }
        return ResponseEntity.noContent().build();
    }

    static String render(RespondentFlow.Step step, String token, Model model, HttpServletResponse response) {
        if (step.finished()) {
            return "redirect:/s/" + token + "/thanks";
        }
        response.setStatus(step.status());
        model.addAttribute("page", step.page());
        return "respond/survey";
    }

    @GetMapping("/s/{token}/thanks")
    String thanks(@PathVariable String token, HttpServletRequest request, Model model) {
        Visit visit = flow.visit(token, Locales.accepted(request));
        if (visit.response() == null || !visit.response().completed()) {
            return "redirect:/s/" + token;
        }
        return Messages.thanks(model, visit);
    }

    /** The unsubscribe page: one button, nothing else to fill in. */
    @GetMapping("/s/{token}/unsubscribe")
    String confirmUnsubscribe(@PathVariable String token, HttpServletRequest request, Model model) {
        Visit visit = unsubscribable(token, request);
        if (visit.contact().unsubscribedAt() != null) {
            return Messages.state(model, visit, "unsubscribed");
        }
        return Messages.unsubscribe(model, visit);
    }

    /**
     * Unsubscribes: the page's button, and the RFC 8058 one-click {@code POST} mailbox providers
     * send with the body {@code List-Unsubscribe=One-Click}, with no session, cookie or form token.
     * The signed link token is the authority (only the addressee's e-mail holds it).
     */
    @PostMapping("/s/{token}/unsubscribe")
    String unsubscribe(@PathVariable String token, HttpServletRequest request, Model model) {
        Visit visit = unsubscribable(token, request);
        contacts.unsubscribe(visit.workspace().id(), visit.contact().id());
        return Messages.state(model, visit, "unsubscribed");
    }

    private Visit unsubscribable(String token, HttpServletRequest request) {
        Visit visit = flow.visit(token, Locales.accepted(request));
        if (visit.contact() == null) {
            throw new PageNotFoundException();
        }
        return visit;
    }

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
