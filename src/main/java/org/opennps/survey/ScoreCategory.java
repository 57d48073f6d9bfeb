package org.opennps.survey;

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
}
