package org.opennps.respond;

import jakarta.servlet.http.HttpServletResponse;
import org.opennps.contact.ContactService;
import org.opennps.shared.RateLimitedException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The survey page of one invitation, its one-click scores, thank-you and unsubscribe pages. */
@Controller
class SurveyPageController {

    static final String BACKGROUND = "X-OpenNPS-Step";

    private final RespondentFlow flow;
    private final ContactService contacts;

    SurveyPageController(RespondentFlow flow, ContactService contacts) {
        this.flow = flow;
        this.contacts = contacts;
    }

    @GetMapping("/s/{token}")
    String open(@PathVariable String token, @RequestParam(required = false) String score, Model model) {
        Visit visit = flow.visit(token);
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
            Model model,
            HttpServletResponse response) {
        Visit visit = flow.visit(token);
        String blocked = flow.blocked(visit);
        if (blocked != null) {
            return Messages.state(model, visit, blocked);
        }
        return render(
                flow.step(visit, FormInput.read(params, visit.survey()), background != null), token, model, response);
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
    String thanks(@PathVariable String token, Model model) {
        Visit visit = flow.visit(token);
        if (visit.response() == null || !visit.response().completed()) {
            return "redirect:/s/" + token;
        }
        return Messages.thanks(model, visit);
    }

    @GetMapping("/s/{token}/unsubscribe")
    String confirmUnsubscribe(@PathVariable String token, Model model) {
        Visit visit = unsubscribable(token);
        if (visit.contact().unsubscribedAt() != null) {
            return Messages.state(model, visit, "unsubscribed");
        }
        return Messages.unsubscribe(model, visit);
    }

    @PostMapping("/s/{token}/unsubscribe")
    String unsubscribe(@PathVariable String token, Model model) {
        Visit visit = unsubscribable(token);
        contacts.unsubscribe(visit.workspace().id(), visit.contact().id());
        return Messages.state(model, visit, "unsubscribed");
    }

    private Visit unsubscribable(String token) {
        Visit visit = flow.visit(token);
        if (visit.contact() == null) {
            throw new PageNotFoundException();
        }
        return visit;
    }

    @ExceptionHandler(PageNotFoundException.class)
    String notFound(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return Messages.notFound(model);
    }

    @ExceptionHandler(RateLimitedException.class)
    String rateLimited(RateLimitedException e, Model model, HttpServletResponse response) {
        response.setStatus(429);
        response.setHeader(
                HttpHeaders.RETRY_AFTER,
                Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        return Messages.rateLimited(model);
    }
}
