package org.opennps.respond;

import java.util.List;

/**
 * The model of a survey page.
 *
 * @param brand the workspace's accent colour (#rrggbb) and a readable text colour on it, as CSS
 * @param action where the form posts
 * @param error a message about the whole form, or null
 */
record SurveyPage(
        String title,
        String locale,
        String brand,
        String action,
        Integer score,
        List<QuestionView> questions,
        String error) {}
