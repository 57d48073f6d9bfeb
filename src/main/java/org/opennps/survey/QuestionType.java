package org.opennps.survey;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kinds of question a survey can ask. */
public enum QuestionType {
    NPS,
    RATING,
    SINGLE_CHOICE,
    MULTI_CHOICE,
    TEXT;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type for its JSON name, or null when there is none. */
    public static QuestionType ofJson(String name) {
        for (QuestionType type : values()) {
            if (type.json().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
