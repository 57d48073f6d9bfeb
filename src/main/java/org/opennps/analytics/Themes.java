package org.opennps.analytics;

import java.time.Instant;
import java.util.List;

/**
 * Themes of the open answers: {@code themes} from meaning (the fixed shop themes and those the
 * re-grouping found) with what each costs in NPS, largest first; {@code categories} the frequent
 * phrases per NPS category, as before.
 */
public record Themes(List<ThemeCost> themes, List<CategoryThemes> categories) {

    /**
     * One category: {@code comments} analysed (the newest, at most the limit), their mean
     * sentiment, how many the keyword classifier puts in each area, and the top themes.
     */
    public record CategoryThemes(
            String category, int comments, Double sentiment, List<AreaCount> areas, List<Theme> themes) {}

    public record AreaCount(String area, long count) {}

    /** A word or word pair found in several comments, with up to three examples, newest first. */
    public record Theme(String theme, int comments, String area, double sentiment, List<Example> examples) {}

    /** {@code chosenArea} is what the respondent picked in the area question, if anything. */
    public record Example(String text, Instant answeredAt, String chosenArea, double sentiment) {}
}
