package org.opennps.survey;

import java.util.List;

/**
 * A validated survey body as the API receives it, before it is stored. {@code displayGiven}
 * tells whether the body had a {@code display} key at all: an update without it keeps the
 * survey's display rules (the admin editor does not show them), {@code "display":null} removes
 * them. {@code title}/{@code titleGiven} work the same way for the public title.
 */
public record SurveyDraft(
        String name,
        List<Question> questions,
        Texts thankYou,
        String invitationExpiry,
        SurveyDisplay display,
        boolean displayGiven,
        Texts title,
        boolean titleGiven) {

    public SurveyDraft {
        questions = List.copyOf(questions);
    }

    public SurveyDraft(
            String name,
            List<Question> questions,
            Texts thankYou,
            String invitationExpiry,
            SurveyDisplay display,
            boolean displayGiven) {
        this(name, questions, thankYou, invitationExpiry, display, displayGiven, null, false);
    }

    public SurveyDraft(String name, List<Question> questions, Texts thankYou, String invitationExpiry) {
        this(name, questions, thankYou, invitationExpiry, null, false);
    }
}
