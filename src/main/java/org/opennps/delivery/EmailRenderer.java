package org.opennps.delivery;

import java.util.regex.Pattern;
import org.opennps.workspace.Wording;
import org.springframework.web.util.HtmlUtils;

/**
 * Text and HTML parts of survey and plain e-mails, in the recipient's language. Every
 * user-supplied text is HTML-escaped; the layout uses inline styles, which mail clients render
 * most consistently. The 0–10 scale is a run of inline blocks, not a table row, so it wraps onto
 * a second line on a narrow screen instead of running off it, and every score stays tappable.
 */
final class EmailRenderer {

    private static final Pattern COLOR = Pattern.compile("^#[0-9A-Fa-f]{3,8}$");
    private static final Pattern LOGO = Pattern.compile("^https?://\\S{1,500}$");
    private static final String DEFAULT_COLOR = "#4f46e5";

    private EmailRenderer() {}

    record Parts(String text, String html) {}

    /** Who the e-mail comes from, as the recipient sees it. */
    record Sender(String name, String logoUrl, String color) {}

    static Parts survey(SurveyEmail e, Sender sender, Wording t) {
        String color = safeColor(sender.color());
        StringBuilder text = new StringBuilder();
        if (sender.name() != null) {
            text.append(sender.name()).append("\n\n");
        }
        if (e.intro() != null) {
            text.append(e.intro()).append("\n\n");
        }
        text.append(e.question()).append("\n\n");
        for (int score = 0; score <= 10; score++) {
            text.append(score).append(": ").append(e.scoreUrls().get(score)).append('\n');
        }
        text.append("\n0 = ")
                .append(t.text("email.nps.low"))
                .append(", 10 = ")
                .append(t.text("email.nps.high"))
                .append("\n\n")
                .append(t.text("email.open"))
                .append(": ")
                .append(e.surveyUrl())
                .append("\n\n");
        text.append("--\n").append(t.named("email.why", sender.name())).append('\n');
        text.append(t.text("email.unsubscribe"))
                .append(": ")
                .append(e.unsubscribeUrl())
                .append('\n');

        String title = e.subject() != null ? e.subject() : e.question();
        StringBuilder html = new StringBuilder(start(e.locale(), t, title)).append(header(sender));
        if (e.intro() != null) {
            html.append(paragraphs(e.intro()));
        }
        html.append("<p style=\"font-size:18px;font-weight:bold;\">")
                .append(htmlEscape(e.question()))
                .append("</p>\n<div class=\"scale\" style=\"font-size:0;line-height:0;\">");
        String onColor = onColor(color);
        for (int score = 0; score <= 10; score++) {
            html.append("<a href=\"")
                    .append(htmlEscape(e.scoreUrls().get(score)))
                    .append("\" style=\"display:inline-block;width:44px;height:44px;margin:0 4px 6px 0;")
                    .append("font-size:17px;line-height:44px;font-weight:bold;text-align:center;")
                    .append("border-radius:6px;text-decoration:none;color:")
                    .append(onColor)
                    .append(";background:")
                    .append(color)
                    .append(";\">")
                    .append(score)
                    // a line of its own: the scale's font-size 0 keeps the break from showing, and short
                    // lines let the part go unencoded (7bit) rather than quoted-printable
                    .append("</a>\n");
        }
        html.append("</div>\n<p style=\"font-size:13px;color:#555;margin:4px 0 16px;\">0 = ")
                .append(htmlEscape(t.text("email.nps.low")))
                .append(" &middot; 10 = ")
                .append(htmlEscape(t.text("email.nps.high")))
                .append("</p>\n<p><a href=\"")
                .append(htmlEscape(e.surveyUrl()))
                .append("\" style=\"color:")
                .append(color)
                .append(";\">")
                .append(htmlEscape(t.text("email.open")))
                .append("</a></p>\n");
        html.append(footer(t, sender, e.unsubscribeUrl()));
        return new Parts(text.toString(), html.toString());
    }

    static Parts message(String body, String locale, Sender sender, Wording t, String unsubscribeUrl) {
        StringBuilder text = new StringBuilder(body).append('\n');
        StringBuilder html = new StringBuilder(start(locale, t, title(body, sender)))
                .append(header(sender))
                .append(paragraphs(body));
        if (unsubscribeUrl != null) {
            text.append("\n--\n")
                    .append(t.text("email.unsubscribe"))
                    .append(": ")
                    .append(unsubscribeUrl)
                    .append('\n');
            html.append(footer(t, sender, unsubscribeUrl));
        } else {
            html.append("</body></html>\n");
        }
        return new Parts(text.toString(), html.toString());
    }

    /** A plain message's document title: the sender's name, else the message's first line. */
    private static String title(String body, Sender sender) {
        if (sender.name() != null) {
            return sender.name();
        }
        String first = body.strip().lines().findFirst().orElse("");
        return first.length() > 80 ? first.substring(0, 80) + "…" : first;
    }

    /** The document's start; the title is what screen readers announce when the mail opens as a page. */
    private static String start(String locale, Wording t, String title) {
        String lang = locale == null ? "en" : htmlEscape(locale);
        return "<!DOCTYPE html>\n<html lang=\"" + lang + "\" dir=\"" + t.direction()
                + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + htmlEscape(title) + "</title></head>\n"
                + "<body style=\"margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;color:#222;"
                + "max-width:560px;\">\n";
    }

    private static String header(Sender sender) {
        if (sender.logoUrl() != null && LOGO.matcher(sender.logoUrl()).matches()) {
            String alt = sender.name() == null ? "" : sender.name();
            return "<p><img src=\"" + htmlEscape(sender.logoUrl()) + "\" alt=\"" + htmlEscape(alt)
                    + "\" style=\"max-height:48px;max-width:200px;border:0;\"></p>\n";
        }
        if (sender.name() == null) {
            return "";
        }
        return "<p style=\"font-size:16px;font-weight:bold;margin:0 0 12px;\">" + htmlEscape(sender.name()) + "</p>\n";
    }

    private static String footer(Wording t, Sender sender, String unsubscribeUrl) {
        return "<p style=\"font-size:12px;color:#666;\">" + htmlEscape(t.named("email.why", sender.name()))
                + " <a href=\"" + htmlEscape(unsubscribeUrl) + "\" style=\"color:#666;\">"
                + htmlEscape(t.text("email.unsubscribe")) + "</a></p>\n</body></html>\n";
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

    /**
     * Escapes markup only: the e-mail is UTF-8, so letters such as "ó" stay as they are. Text
     * with nothing to escape (most links, every token) is returned as it is, without a copy.
     */
    static String htmlEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '<', '>', '&', '"', '\'' -> {
                    return HtmlUtils.htmlEscape(text, "UTF-8");
                }
                default -> {}
            }
        }
        return text;
    }

    static String safeColor(String color) {
        return color != null && COLOR.matcher(color).matches() ? color : DEFAULT_COLOR;
    }

    /** Black or white, whichever reads better on a #rrggbb colour (white for other forms). */
    private static String onColor(String color) {
        if (color.length() != 7) {
            return "#ffffff";
        }
        int rgb = Integer.parseInt(color.substring(1), 16);
        double l = 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
        return l > 0.179 ? "#000000" : "#ffffff";
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
