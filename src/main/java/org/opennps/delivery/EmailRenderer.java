package org.opennps.delivery;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.util.regex.Pattern;

/**
 * Text and HTML parts of survey and plain e-mails. Every user-supplied text is HTML-escaped;
 * the layout uses inline styles and tables, which mail clients render most consistently.
 */
final class EmailRenderer {

    private static final Pattern COLOR = Pattern.compile("^#[0-9A-Fa-f]{3,8}$");
    private static final String DEFAULT_COLOR = "#4f46e5";

    private EmailRenderer() {}

    record Parts(String text, String html) {}

    static Parts survey(SurveyEmail e, String brandColor) {
        EmailTexts t = EmailTexts.of(e.locale());
        String color = safeColor(brandColor);
        StringBuilder text = new StringBuilder();
        if (e.intro() != null) {
            text.append(e.intro()).append("\n\n");
        }
        text.append(e.question()).append("\n\n");
        for (int score = 0; score <= 10; score++) {
            text.append(score).append(": ").append(e.scoreUrls().get(score)).append('\n');
        }
        text.append('\n')
                .append(t.openSurvey())
                .append(": ")
                .append(e.surveyUrl())
                .append("\n\n");
        text.append("--\n").append(t.whyFooter()).append('\n');
        text.append(t.unsubscribe()).append(": ").append(e.unsubscribeUrl()).append('\n');

        StringBuilder html = new StringBuilder(start(e.locale()));
        if (e.intro() != null) {
            html.append(paragraphs(e.intro()));
        }
        html.append("<p style=\"font-size:18px;font-weight:bold;\">")
                .append(htmlEscape(e.question()))
                .append("</p>\n<table role=\"presentation\" cellspacing=\"4\" cellpadding=\"0\"><tr>");
        for (int score = 0; score <= 10; score++) {
            html.append("<td><a href=\"")
                    .append(htmlEscape(e.scoreUrls().get(score)))
                    .append("\" style=\"display:inline-block;min-width:28px;padding:8px 4px;text-align:center;")
                    .append("border-radius:4px;text-decoration:none;color:#ffffff;background:")
                    .append(color)
                    .append(";\">")
                    .append(score)
                    .append("</a></td>");
        }
        html.append("</tr></table>\n<table role=\"presentation\" width=\"100%\"><tr><td style=\"font-size:12px;")
                .append("color:#666;\">")
                .append(htmlEscape(t.notLikely()))
                .append("</td><td style=\"font-size:12px;color:#666;text-align:right;\">")
                .append(htmlEscape(t.veryLikely()))
                .append("</td></tr></table>\n<p><a href=\"")
                .append(htmlEscape(e.surveyUrl()))
                .append("\" style=\"color:")
                .append(color)
                .append(";\">")
                .append(htmlEscape(t.openSurvey()))
                .append("</a></p>\n");
        html.append(footer(t, e.unsubscribeUrl()));
        return new Parts(text.toString(), html.toString());
    }

    static Parts message(String body, String locale, String unsubscribeUrl) {
        EmailTexts t = EmailTexts.of(locale);
        StringBuilder text = new StringBuilder(body).append('\n');
        StringBuilder html = new StringBuilder(start(locale)).append(paragraphs(body));
        if (unsubscribeUrl != null) {
            text.append("\n--\n")
                    .append(t.unsubscribe())
                    .append(": ")
                    .append(unsubscribeUrl)
                    .append('\n');
            html.append(footer(t, unsubscribeUrl));
        } else {
            html.append("</body></html>\n");
        }
        return new Parts(text.toString(), html.toString());
    }

    private static String start(String locale) {
        String lang = locale == null ? "en" : htmlEscape(locale);
        return "<!DOCTYPE html>\n<html lang=\"" + lang + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"></head>\n"
                + "<body style=\"font-family:Arial,Helvetica,sans-serif;color:#222;max-width:560px;\">\n";
    }

    private static String footer(EmailTexts t, String unsubscribeUrl) {
        return "<p style=\"font-size:12px;color:#888;\">" + htmlEscape(t.whyFooter()) + " <a href=\""
                + htmlEscape(unsubscribeUrl) + "\" style=\"color:#888;\">" + htmlEscape(t.unsubscribe())
                + "</a></p>\n</body></html>\n";
    }

    private static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.split("\\R\\R+")) {
            html.append("<p>")
                    .append(htmlEscape(paragraph.strip()).replaceAll("\\R", "<br>"))
                    .append("</p>\n");
        }
        return html.toString();
    }

    static String safeColor(String color) {
        return color != null && COLOR.matcher(color).matches() ? color : DEFAULT_COLOR;
    }
}
