package org.opennps.analytics;

import java.util.List;

/** Answers to the area question per NPS category. */
public record AreaCounts(List<CategoryAreas> categories) {

    /**
     * {@code responses} counted in the category, {@code answered} of them chose an area;
     * {@code share} is in percent of those who chose one.
     */
    public record CategoryAreas(String category, long responses, long answered, List<AreaShare> areas) {}

    public record AreaShare(String area, long count, Double share) {}
}
