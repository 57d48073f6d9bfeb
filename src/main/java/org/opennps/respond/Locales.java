package org.opennps.respond;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opennps.survey.Survey;

/**
 * The respondent's locale: the contact's, then a language the survey is written in, then the
 * browser's {@code Accept-Language}, then the workspace default. The survey's texts decide among
 * the wanted ones (the first it has texts for), so questions and system texts agree.
 */
final class Locales {

    private Locales() {}

    static String choose(Survey survey, String contactLocale, List<String> accepted, String workspaceDefault) {
        List<String> wanted = new ArrayList<>();
        wanted.add(contactLocale);
        wanted.addAll(accepted);
        wanted.add(workspaceDefault);
        return survey.chooseLocale(wanted);
    }

    /** The browser's languages, most wanted first; empty without (or with a broken) header. */
    static List<String> accepted(HttpServletRequest request) {
        String header = request == null ? null : request.getHeader("Accept-Language");
        if (header == null || header.isBlank() || header.length() > 500) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .map(Locale.LanguageRange::getRange)
                    .filter(range -> !range.equals("*"))
                    .map(range -> Locale.forLanguageTag(range).toLanguageTag())
                    .limit(8)
                    .toList();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }
}
