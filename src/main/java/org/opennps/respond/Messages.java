package org.opennps.respond;

import org.opennps.workspace.Wording;
import org.opennps.workspace.Workspace;
import org.springframework.ui.Model;

/** The short pages that are not the survey: states, thanks, unsubscribe, errors. */
final class Messages {

    static final String VIEW = "respond/message";

    private Messages() {}

    static String state(Model model, Visit visit, String state) {
        Wording w = visit.wording();
        return switch (state) {
            case "answered" ->
                show(
                        model,
                        visit,
                        w.text("respond.answered.title"),
                        w.text("respond.answered.text") + " "
                                + visit.survey().thankYou().resolve(visit.locale()));
            case "unsubscribed" ->
                show(
                        model,
                        visit,
                        w.text("respond.unsubscribed.title"),
                        w.named("respond.unsubscribed.text", visit.workspace().displayName()));
            default -> show(model, visit, w.text("respond.expired.title"), w.text("respond.expired.text"));
        };
    }

    static String thanks(Model model, Visit visit) {
        return show(
                model,
                visit,
                visit.wording().text("respond.thanks.title"),
                visit.survey().thankYou().resolve(visit.locale()));
    }

    static String unsubscribe(Model model, Visit visit) {
        Wording w = visit.wording();
        fill(
                model,
                visit.workspace(),
                w,
                visit.locale(),
                w.text("respond.unsubscribe.title"),
                w.named("respond.unsubscribe.question", visit.workspace().displayName()));
        model.addAttribute("action", "/s/" + visit.token() + "/unsubscribe");
        model.addAttribute("button", w.text("respond.unsubscribe.button"));
        return VIEW;
    }

    static String notFound(Model model, Wording w) {
        fill(
                model,
                null,
                w,
                w.locale().toLanguageTag(),
                w.text("respond.not-found.title"),
                w.text("respond.not-found.text"));
        return VIEW;
    }

    static String rateLimited(Model model, Wording w) {
        fill(
                model,
                null,
                w,
                w.locale().toLanguageTag(),
                w.text("respond.rate-limited.title"),
                w.text("respond.rate-limited.text"));
        return VIEW;
    }

    private static String show(Model model, Visit visit, String title, String message) {
        fill(model, visit.workspace(), visit.wording(), visit.locale(), title, message);
        return VIEW;
    }

    static void fill(Model model, Workspace workspace, Wording wording, String locale, String title, String message) {
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        model.addAttribute("locale", locale);
        model.addAttribute("dir", wording.direction());
        model.addAttribute("brand", Brand.of(workspace));
    }
}
