package org.opennps.loop;

import org.opennps.contact.Contact;
import org.opennps.response.ResponseRecorded;
import org.opennps.shared.Coded;
import org.opennps.workspace.Wording;

/** The words of alert notifications: plain text, so no markup from a comment can run anywhere. */
final class AlertTexts {

    private AlertTexts() {}

    /** The e-mail's subject and body in the workspace's default language ({@code alert.*} keys). */
    static String subject(String ruleName, ResponseRecorded r, Wording w) {
        return w.text("alert.subject", ruleName, String.valueOf(r.score()), category(r, w));
    }

    static String email(String ruleName, ResponseRecorded r, Contact contact, String link, Wording w) {
        StringBuilder text = new StringBuilder();
        text.append(w.text("alert.rule", ruleName)).append('\n');
        text.append(w.text("alert.score", String.valueOf(r.score()), category(r, w), Coded.codeOf(r.channel())));
        text.append('\n');
        text.append(w.text("alert.from", contact == null ? w.text("alert.anonymous") : who(contact)))
                .append('\n');
        if (!r.answers().isEmpty()) {
            text.append(w.text("alert.answers")).append('\n');
            r.answers()
                    .forEach((question, answer) -> text.append("  ")
                            .append(question)
                            .append(": ")
                            .append(answer)
                            .append('\n'));
        }
        text.append('\n').append(w.text("alert.open", link)).append('\n');
        return text.toString();
    }

    private static String category(ResponseRecorded r, Wording w) {
        return r.category() == null ? "" : w.text("category." + r.category().code());
    }

    static String slack(String ruleName, ResponseRecorded r, Contact contact, String link) {
        StringBuilder text = new StringBuilder();
        text.append(ruleName)
                .append(": score ")
                .append(r.score())
                .append(" (")
                .append(Coded.codeOf(r.category()))
                .append(") from ");
        text.append(slackSafe(who(contact)));
        r.answers().values().stream()
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .filter(s -> s.length() > 20)
                .findFirst()
                .ifPresent(comment ->
                        text.append(" — \"").append(slackSafe(comment)).append('"'));
        return text.append(" ").append(link).toString();
    }

    private static String who(Contact contact) {
        if (contact == null) {
            return "an anonymous respondent";
        }
        String name = contact.name() != null ? contact.name() : "";
        String email = contact.email() != null ? " <" + contact.email() + ">" : "";
        String id = contact.externalId() != null ? " (external id " + contact.externalId() + ")" : "";
        String who = (name + email + id).trim();
        return who.isEmpty() ? "contact " + contact.id() : who;
    }

    /** Slack treats &, < and > as markup: escape them so a comment cannot format or mention. */
    private static String slackSafe(String text) {
        String t = text.length() > 300 ? text.substring(0, 300) + "…" : text;
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
