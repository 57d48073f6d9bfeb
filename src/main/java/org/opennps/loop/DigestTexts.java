package org.opennps.loop;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.opennps.analytics.NpsResult;
import org.opennps.analytics.ScoredAnswer;
import org.springframework.web.util.HtmlUtils;

/** Subject, plain text and HTML of the daily digest; every text people wrote is escaped in HTML. */
final class DigestTexts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private DigestTexts() {}

    static String subject(DigestReport r) {
        NpsResult y = r.yesterday();
        String figures = y.responses() == 0
                ? "no responses"
                : y.responses() + (y.responses() == 1 ? " response" : " responses") + ", NPS " + number(y.nps());
        return r.workspaceName() + ": NPS digest for " + r.day() + " — " + figures;
    }

    static String text(DigestReport r) {
        StringBuilder t = new StringBuilder();
        t.append("Yesterday, ")
                .append(DAY.format(r.day()))
                .append(" (")
                .append(r.timeZone())
                .append(")\n\n");
        lines(r).forEach(line -> t.append(line).append('\n'));
        if (!r.detractors().isEmpty()) {
            t.append("\nDetractors\n");
            for (ScoredAnswer d : r.detractors()) {
                t.append("- ").append(answer(d));
                if (d.comment() != null) {
                    t.append(": ").append(d.comment().replace('\n', ' '));
                }
                t.append('\n');
            }
            more(r).ifPresent(m -> t.append(m).append('\n'));
        }
        t.append("\nCases: ").append(cases(r)).append('\n');
        t.append("Inbox: ").append(r.inboxUrl()).append('\n');
        return t.toString();
    }

    static String html(DigestReport r) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        h.append("<h2>Yesterday, ")
                .append(esc(DAY.format(r.day())))
                .append(" <small>(")
                .append(esc(r.timeZone()))
                .append(")</small></h2><p>");
        h.append(String.join("<br>", lines(r).stream().map(DigestTexts::esc).toList()))
                .append("</p>");
        if (!r.detractors().isEmpty()) {
            h.append("<h3>Detractors</h3><ul>");
            for (ScoredAnswer d : r.detractors()) {
                h.append("<li><b>").append(esc(answer(d))).append("</b>");
                if (d.comment() != null) {
                    h.append(": ").append(esc(d.comment()));
                }
                h.append("</li>");
            }
            h.append("</ul>");
            more(r).ifPresent(m -> h.append("<p>").append(esc(m)).append("</p>"));
        }
        h.append("<p>Cases: ").append(esc(cases(r))).append("</p>");
        h.append("<p><a href=\"").append(esc(r.inboxUrl())).append("\">Open the inbox</a></p></body></html>");
        return h.toString();
    }

    private static List<String> lines(DigestReport r) {
        NpsResult y = r.yesterday();
        if (y.responses() == 0) {
            return List.of("No responses yesterday.");
        }
        NpsResult b = r.dayBefore();
        String change = r.change() == null
                ? "no responses the day before"
                : signed(r.change()) + " (NPS " + number(b.nps()) + " from " + b.responses() + " the day before)";
        return List.of(
                "Responses: " + y.responses(),
                "NPS: " + number(y.nps()) + " (95 % interval " + number(y.ci95().get(0)) + " to "
                        + number(y.ci95().get(1)) + ")",
                "Change vs the day before: " + change,
                "Promoters " + y.promoters() + ", passives " + y.passives() + ", detractors " + y.detractors());
    }

    private static java.util.Optional<String> more(DigestReport r) {
        long more = r.yesterday().detractors() - r.detractors().size();
        return more > 0 ? java.util.Optional.of("… and " + more + " more in the inbox") : java.util.Optional.empty();
    }

    private static String answer(ScoredAnswer d) {
        return d.score() + "/10" + (d.area() == null ? "" : " (" + d.area() + ")");
    }

    private static String cases(DigestReport r) {
        return r.openCases() + " open, " + r.overdueCases() + " overdue";
    }

    static String number(Double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String signed(double value) {
        return (value > 0 ? "+" : "") + number(value);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
