package org.opennps.loop;

import java.util.Map;
import org.opennps.contact.Contact;
import org.opennps.response.ResponseRecorded;

/** The words of alert notifications: plain text, so no markup from a comment can run anywhere. */
final class AlertTexts {

    private AlertTexts() {}

    static String email(String ruleName, ResponseRecorded r, Contact contact, String link) {
        StringBuilder text = new StringBuilder();
        text.append("Alert rule: ").append(ruleName).append('\n');
        text.append("Score: ")
                .append(r.score())
                .append(" (")
                .append(r.category())
                .append(") via ")
                .append(r.channel());
        text.append('\n');
        text.append("From: ").append(who(contact)).append('\n');
        answers(r.answers(), text);
        text.append('\n').append("Open the response: ").append(link).append('\n');
        return text.toString();
    }

    static String slack(String ruleName, ResponseRecorded r, Contact contact, String link) {
        StringBuilder text = new StringBuilder();
        text.append(ruleName)
                .append(": score ")
                .append(r.score())
                .append(" (")
                .append(r.category())
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

    private static void answers(Map<String, Object> answers, StringBuilder text) {
        if (answers.isEmpty()) {
            return;
        }
        text.append("Answers:\n");
        answers.forEach((question, answer) ->
                text.append("  ").append(question).append(": ").append(answer).append('\n'));
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
