package org.opennps.survey;

import java.util.List;

/** A validated survey body as the API receives it, before it is stored. */
public record SurveyDraft(String name, List<Question> questions, Texts thankYou, String invitationExpiry) {

    public SurveyDraft {
        questions = List.copyOf(questions);
    }
}
