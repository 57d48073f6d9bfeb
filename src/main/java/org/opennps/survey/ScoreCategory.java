package org.opennps.survey;

/** The Net Promoter categories of a 0–10 score. */
public final class ScoreCategory {

    public static final String DETRACTOR = "detractor";
    public static final String PASSIVE = "passive";
    public static final String PROMOTER = "promoter";

    private ScoreCategory() {}

    /** detractor for 0–6, passive for 7–8, promoter for 9–10. */
    public static String of(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("An NPS score is 0 to 10, not " + score);
        }
        return score <= 6 ? DETRACTOR : score <= 8 ? PASSIVE : PROMOTER;
    }

    public static boolean isCategory(String name) {
        return DETRACTOR.equals(name) || PASSIVE.equals(name) || PROMOTER.equals(name);
    }
}
