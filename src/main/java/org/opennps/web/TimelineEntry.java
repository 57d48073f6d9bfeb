package org.opennps.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opennps.event.ContactEvent;
import org.opennps.invitation.Invitation;
import org.opennps.loop.CaseMessage;
import org.opennps.loop.FeedbackCase;
import org.opennps.response.Response;
import org.opennps.shared.Coded;

/**
 * One line of a contact's timeline: an event, an invitation, a response, a case or a message
 * of a case's conversation, newest first.
 *
 * @param kind {@code event}, {@code invitation}, {@code response}, {@code case}, {@code reply} or {@code answer}
 * @param link the admin page to open, or null
 */
record TimelineEntry(Instant at, String kind, String title, String detail, String link) {

    static List<TimelineEntry> merge(
            List<ContactEvent> events,
            List<Invitation> invitations,
            List<Response> responses,
            List<FeedbackCase> cases,
            List<CaseMessage> messages,
            int limit) {
        List<TimelineEntry> all = new ArrayList<>();
        events.forEach(e -> all.add(new TimelineEntry(e.occurredAt(), "event", e.type(), properties(e), null)));
        invitations.forEach(i -> all.add(new TimelineEntry(
                i.createdAt(),
                "invitation",
                "Survey invitation (" + i.channel().code() + ")",
                i.status().code() + (i.reason() != null ? ": " + i.reason() : ""),
                null)));
        responses.forEach(r -> all.add(new TimelineEntry(
                r.startedAt(),
                "response",
                r.score() == null
                        ? "Response without a score"
                        : "Score " + r.score() + " (" + Coded.codeOf(r.category()) + ")",
                Coded.codeOf(r.channel()),
                "/responses/" + r.id())));
        cases.forEach(c -> all.add(new TimelineEntry(
                c.createdAt(),
                "case",
                "Case opened",
                c.status().code().replace('_', ' ') + (c.owner() != null ? " · " + c.owner() : ""),
                "/responses/" + c.responseId() + "#case")));
        messages.forEach(m -> all.add(new TimelineEntry(
                m.createdAt(),
                CaseMessage.OUT.equals(m.direction()) ? "reply" : "answer",
                CaseMessage.OUT.equals(m.direction()) ? "Reply by " + m.author() : "Customer answer",
                m.body().length() > 140 ? m.body().substring(0, 140) + "…" : m.body(),
                null)));
        return all.stream()
                .sorted(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(limit)
                .toList();
    }

    private static String properties(ContactEvent e) {
        if (e.properties() == null || e.properties().isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        e.properties()
                .forEach((k, v) ->
                        s.append(s.isEmpty() ? "" : ", ").append(k).append(": ").append(v));
        return s.length() > 200 ? s.substring(0, 200) + "…" : s.toString();
    }
}
