package org.opennps.survey;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.opennps.shared.Coded;

/** The Net Promoter categories of a 0–10 score; stored in {@code category} columns as the word. */
public enum ScoreCategory implements Coded {
    DETRACTOR,
    PASSIVE,
    PROMOTER;

    /** The word, as {@link #code()}: what clients and the database see, also in logs and messages. */
    @Override
    public String toString() {
        return code();
    }

    /** detractor for 0–6, passive for 7–8, promoter for 9–10. */
    public static ScoreCategory of(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("An NPS score is 0 to 10, not " + score);
        }
        return score <= 6 ? DETRACTOR : score <= 8 ? PASSIVE : PROMOTER;
    }

    /**
     * The category named by {@code code}.
     *
     * @throws org.opennps.shared.UnknownCodeException for any other word
     */
    @JsonCreator
    public static ScoreCategory from(String code) {
        return Coded.from(ScoreCategory.class, code);
    }

    /** The category named by {@code code}, or null for null. */
    public static ScoreCategory fromNullable(String code) {
        return code == null ? null : from(code);
    }

    public static boolean isCategory(String name) {
        return Coded.find(ScoreCategory.class, name).isPresent();
    }
}
