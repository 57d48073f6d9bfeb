package org.opennps.respond;

import java.util.List;

/**
 * The model of a survey page.
 *
 * @param dir {@code ltr} or {@code rtl}
 * @param brand the workspace's display name, logo and accent colour stylesheet
 * @param action where the form posts
 * @param nonce the signed page nonce the form posts back ({@code _page}); null in previews
 * @param confirmUrl where the page script confirms a one-click score once shown, or null
 * @param notice a message about what is already saved, or null
 * @param error a message about the whole form, or null
 * @param preview an admin preview (posts with the session's CSRF token)
 */
record SurveyPage(
        String title,
        String locale,
        String dir,
        Brand brand,
        String action,
        String nonce,
        String confirmUrl,
        Integer score,
        List<QuestionView> questions,
        String submit,
        String required,
        String notice,
        String error,
        boolean preview) {}
