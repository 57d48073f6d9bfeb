package org.opennps.loop;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.opennps.analytics.NpsResult;
import org.opennps.analytics.ScoredAnswer;
import org.opennps.workspace.Wording;
import org.springframework.web.util.HtmlUtils;

/**
 * Subject, plain text and HTML of the daily digest, in the workspace's default language (the
 * {@code digest.*} keys of the message bundles); every text people wrote is escaped in HTML.
 */
final class DigestTexts {

    private DigestTexts() {}

    static String subject(DigestReport r, Wording w) {
        NpsResult y = r.yesterday();
        String figures = y.responses() == 0
                ? w.text("digest.subject.none")
                : w.plural("digest.subject.figures", y.responses(), number(y.nps(), w));
        return w.text("digest.subject", r.workspaceName(), r.day().toString(), figures);
    }

    static String text(DigestReport r, Wording w) {
        StringBuilder t = new StringBuilder();
        t.append(w.text("digest.yesterday", day(r, w), r.timeZone())).append("\n\n");
        lines(r, w).forEach(line -> t.append(line).append('\n'));
        if (!r.detractors().isEmpty()) {
            t.append('\n').append(w.text("digest.detractors")).append('\n');
            for (ScoredAnswer d : r.detractors()) {
                t.append("- ").append(answer(d));
                if (d.comment() != null) {
                    t.append(": ").append(d.comment().replace('\n', ' '));
                }
                t.append('\n');
            }
            more(r, w).ifPresent(m -> t.append(m).append('\n'));
        }
        t.append('\n').append(w.text("digest.cases", cases(r, w))).append('\n');
        t.append(w.text("digest.inbox", r.inboxUrl())).append('\n');
        return t.toString();
    }

    static String html(DigestReport r, Wording w) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(esc(w.language()))
                .append("\" dir=\"")
                .append(w.direction())
                .append("\"><body style=\"font-family:sans-serif\">");
        h.append("<h2>")
                .append(esc(w.text("digest.yesterday", day(r, w), r.timeZone())))
                .append("</h2><p>");
        h.append(String.join("<br>", lines(r, w).stream().map(DigestTexts::esc).toList()))
                .append("</p>");
        if (!r.detractors().isEmpty()) {
            h.append("<h3>").append(esc(w.text("digest.detractors"))).append("</h3><ul>");
            for (ScoredAnswer d : r.detractors()) {
                h.append("<li><b>").append(esc(answer(d))).append("</b>");
                if (d.comment() != null) {
                    h.append(": ").append(esc(d.comment()));
                }
                h.append("</li>");
            }
            h.append("</ul>");
            more(r, w).ifPresent(m -> h.append("<p>").append(esc(m)).append("</p>"));
        }
        h.append("<p>").append(esc(w.text("digest.cases", cases(r, w)))).append("</p>");
        h.append("<p><a href=\"")
                .append(esc(r.inboxUrl()))
                .append("\">")
                .append(esc(w.text("digest.open-inbox")))
                .append("</a></p></body></html>");
        return h.toString();
    }

    private static String day(DigestReport r, Wording w) {
        Locale locale = Locale.forLanguageTag(w.language());
        return DateTimeFormatter.ofPattern(w.text("digest.date-pattern"), locale)
                .format(r.day());
    }

    private static List<String> lines(DigestReport r, Wording w) {
        NpsResult y = r.yesterday();
        if (y.responses() == 0) {
            return List.of(w.text("digest.none"));
        }
        NpsResult b = r.dayBefore();
        String change = r.change() == null
                ? w.text("digest.change.none")
                : w.text(
                        "digest.change.value", signed(r.change(), w), number(b.nps(), w), Long.toString(b.responses()));
        return List.of(
                w.text("digest.responses", Long.toString(y.responses())),
                w.text(
                        "digest.nps",
                        number(y.nps(), w),
                        number(y.ci95().get(0), w),
                        number(y.ci95().get(1), w)),
                w.text("digest.change", change),
                w.text(
                        "digest.split",
                        Long.toString(y.promoters()),
                        Long.toString(y.passives()),
                        Long.toString(y.detractors())));
    }

    private static java.util.Optional<String> more(DigestReport r, Wording w) {
        long more = r.yesterday().detractors() - r.detractors().size();
        return more > 0
                ? java.util.Optional.of(w.text("digest.more", Long.toString(more)))
                : java.util.Optional.empty();
    }

    private static String answer(ScoredAnswer d) {
        return d.score() + "/10" + (d.area() == null ? "" : " (" + d.area() + ")");
    }

    private static String cases(DigestReport r, Wording w) {
        return w.text("digest.cases.value", Long.toString(r.openCases()), Long.toString(r.overdueCases()));
    }

    /** One decimal, with the language's decimal separator. */
    static String number(Double value, Wording w) {
        return String.format(Locale.forLanguageTag(w.language()), "%.1f", value);
    }

    private static String signed(double value, Wording w) {
        return (value > 0 ? "+" : "") + number(value, w);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
