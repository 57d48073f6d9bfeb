package org.opennps.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A survey: ordered questions and the thank-you text. {@code invitationExpiry} (ISO-8601
 * duration) overrides the workspace's default validity of invitations when set; {@code display}
 * (null when absent) lets the widget show it by itself on page triggers or in slots.
 * {@code title} is what respondents see as its heading (null: none); {@code name} is internal.
 * {@code archivedAt} is set while the survey is archived: hidden from lists and the campaign
 * builder, its responses and analytics kept.
 */
public record Survey(
        UUID id,
        String name,
        List<Question> questions,
        Texts thankYou,
        String invitationExpiry,
        Instant createdAt,
        Instant updatedAt,
        SurveyDisplay display,
        Texts title,
        Instant archivedAt) {

    public Survey {
        questions = List.copyOf(questions);
    }

    /** A survey that is not archived. */
    public Survey(
            UUID id,
            String name,
            List<Question> questions,
            Texts thankYou,
            String invitationExpiry,
            Instant createdAt,
            Instant updatedAt,
            SurveyDisplay display,
            Texts title) {
        this(id, name, questions, thankYou, invitationExpiry, createdAt, updatedAt, display, title, null);
    }

    public boolean archived() {
        return archivedAt != null;
    }

    /** A survey without a public title. */
    public Survey(
            UUID id,
            String name,
            List<Question> questions,
            Texts thankYou,
            String invitationExpiry,
            Instant createdAt,
            Instant updatedAt,
            SurveyDisplay display) {
        this(id, name, questions, thankYou, invitationExpiry, createdAt, updatedAt, display, null);
    }

    /** A survey without display rules: shown by the widget only when a campaign queues it. */
    public Survey(
            UUID id,
            String name,
            List<Question> questions,
            Texts thankYou,
            String invitationExpiry,
            Instant createdAt,
            Instant updatedAt) {
        this(id, name, questions, thankYou, invitationExpiry, createdAt, updatedAt, null, null);
    }

    /** The title respondents see in this locale, or null when the survey has none (never its internal name). */
    public String publicTitle(String locale) {
        return title == null ? null : title.resolve(locale);
    }

    /** The same survey with other texts; {@code title} null removes the public title. */
    public Survey withTitle(Texts newTitle) {
        return new Survey(
                id, name, questions, thankYou, invitationExpiry, createdAt, updatedAt, display, newTitle, archivedAt);
    }

    /** The survey's NPS question, if it has one. */
    public Optional<Question> npsQuestion() {
        return questions.stream().filter(q -> q.type() == QuestionType.NPS).findFirst();
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /**
     * The questions shown for this score and these answers, in order. A question that depends
     * on an earlier answer is shown once that answer is given.
     */
    public List<Question> visibleQuestions(Integer score, Map<String, Object> answers) {
        List<Question> visible = new ArrayList<>();
        for (Question q : questions) {
            if (q.visible(score, answers)) {
                visible.add(q);
            }
        }
        return visible;
    }

    /**
     * Required questions shown for this state that have no answer yet; the nps question counts
     * as answered when there is a score.
     */
    public List<Question> unanswered(Integer score, Map<String, Object> answers) {
        return visibleQuestions(score, answers).stream()
                .filter(Question::required)
                .filter(q -> q.type() == QuestionType.NPS ? score == null : !answers.containsKey(q.id()))
                .toList();
    }

    /** The locale to show the survey in: the first wanted one it has texts for, else its first. */
    public String chooseLocale(List<String> wanted) {
        Texts first = questions.getFirst().text();
        for (String locale : wanted) {
            if (locale != null && first.supports(locale)) {
                return locale;
            }
        }
        String own = first.firstLocale();
        return own != null
                ? own
                : wanted.stream().filter(l -> l != null).findFirst().orElse("en");
    }
}
