package org.opennps.survey;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import tools.jackson.databind.JsonNode;

/** Reads a survey body strictly and reports every broken rule with its field path. */
final class SurveyReader {

    static final int MAX_QUESTIONS = 30;
    static final Pattern ID = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");

    private SurveyReader() {}

    static SurveyDraft read(JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields f = JsonFields.of(body, "", violations);
        String name = f.string("name", 200, true);
        List<Question> questions = questions(f, violations);
        Texts thankYou = f.has("thank_you") ? TextsReader.read(f, "thank_you", 2000) : Texts.of("Thank you!");
        String expiry = expiry(f);
        JsonFields displayFields = f.object("display", false);
        SurveyDisplay display = displayFields == null ? null : SurveyDisplayReader.read(displayFields);
        Texts title = f.has("title") && !f.raw("title").isNull() ? TextsReader.read(f, "title", 200) : null;
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new SurveyDraft(
                name, questions, thankYou, expiry, display, body.has("display"), title, body.has("title"));
    }

    private static List<Question> questions(JsonFields f, List<FieldViolation> violations) {
        JsonNode list = f.raw("questions");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > MAX_QUESTIONS) {
            f.reject("questions", "must be a list of 1 to " + MAX_QUESTIONS + " questions");
            return List.of();
        }
        List<Question> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        boolean nps = false;
        for (int i = 0; i < list.size(); i++) {
            String path = f.path("questions") + "[" + i + "]";
            int before = violations.size();
            Question q = QuestionReader.read(JsonFields.of(list.get(i), path, violations), questions, nps);
            if (q == null || violations.size() > before) {
                continue;
            }
            if (!ids.add(q.id())) {
                violations.add(new FieldViolation(path + ".id", "duplicates the id of an earlier question"));
                continue;
            }
            nps |= q.type() == QuestionType.NPS;
            questions.add(q);
        }
        return questions;
    }

    private static String expiry(JsonFields f) {
        String text = f.string("invitation_expiry", 40, false);
        if (text == null) {
            return null;
        }
        try {
            Duration d = Duration.parse(text);
            if (d.compareTo(Duration.ofHours(1)) < 0 || d.compareTo(Duration.ofDays(3650)) > 0) {
                f.reject("invitation_expiry", "must be between PT1H and P3650D");
            }
        } catch (DateTimeParseException e) {
            f.reject("invitation_expiry", "must be an ISO-8601 duration such as P30D");
        }
        return text;
    }
}
