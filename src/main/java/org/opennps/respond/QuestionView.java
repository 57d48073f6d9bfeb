package org.opennps.respond;

import java.util.List;

/**
 * One question as the page shows it, texts already in the respondent's locale.
 *
 * @param showIf the question's show_if as JSON for the page script, or null for always
 * @param value the saved text answer
 */
record QuestionView(
        String id,
        String type,
        String text,
        boolean required,
        boolean visible,
        String showIf,
        List<Choice> choices,
        String lowLabel,
        String highLabel,
        String value,
        String error) {

    /** One radio button or checkbox. */
    record Choice(String value, String label, boolean checked) {}

    boolean isNps() {
        return "nps".equals(type);
    }
}
