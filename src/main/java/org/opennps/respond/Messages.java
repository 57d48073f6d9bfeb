package org.opennps.respond;

import org.opennps.workspace.Workspace;
import org.springframework.ui.Model;

/** The short pages that are not the survey: states, thanks, unsubscribe, errors. */
final class Messages {

    static final String VIEW = "respond/message";

    private Messages() {}

    static String state(Model model, Visit visit, String state) {
        return switch (state) {
            case "answered" ->
                show(
                        model,
                        visit,
                        "Already answered",
                        "You have already answered this survey. "
                                + visit.survey().thankYou().resolve(visit.locale()));
            case "unsubscribed" ->
                show(
                        model,
                        visit,
                        "Unsubscribed",
                        "You are unsubscribed: " + visit.workspace().name() + " will not send you any more surveys.");
            default ->
                show(model, visit, "Survey closed", "This survey link has expired. Thank you for your interest.");
        };
    }

    static String thanks(Model model, Visit visit) {
        return show(model, visit, "Thank you", visit.survey().thankYou().resolve(visit.locale()));
    }

    static String unsubscribe(Model model, Visit visit) {
        fill(
                model,
                visit.workspace(),
                visit.locale(),
                "Unsubscribe",
                "Do you want to stop receiving surveys from "
                        + visit.workspace().name() + "?");
        model.addAttribute("action", "/s/" + visit.token() + "/unsubscribe");
        return VIEW;
    }

    static String notFound(Model model) {
        fill(model, null, "en", "Not found", "This survey link is not valid. Please check that it was copied whole.");
        return VIEW;
    }

    static String rateLimited(Model model) {
        fill(
                model,
                null,
                "en",
                "Too many requests",
                "Too many answers came from your network. Please try again in a minute.");
        return VIEW;
    }

    private static String show(Model model, Visit visit, String title, String message) {
        fill(model, visit.workspace(), visit.locale(), title, message);
        return VIEW;
    }

    static void fill(Model model, Workspace workspace, String locale, String title, String message) {
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        model.addAttribute("locale", locale);
        model.addAttribute("brand", workspace == null ? "--brand:#4f46e5;--on-brand:#ffffff" : Brand.style(workspace));
    }
}
