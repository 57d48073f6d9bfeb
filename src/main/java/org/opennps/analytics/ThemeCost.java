package org.opennps.analytics;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One theme of the comments in a filter and what it costs in NPS: the answers that mention it
 * against those that do not, the difference with its 95 % interval and p-value, and the upper
 * bound of the gain if its detractors had been passives.
 *
 * @param labels the label in each language ({@code en}, {@code pl})
 * @param share percent of the commented answers that mention the theme
 * @param categories mentions per NPS category
 * @param passiveGap percent of passives' comments mentioning it minus percent of promoters'
 *     (percentage points; positive: passives name it, promoters do not)
 * @param npsIfDetractorsPassive NPS of every answer in the filter had this theme's detractors
 *     been passives, an upper bound of what fixing it gains
 * @param gain {@code npsIfDetractorsPassive} minus the NPS of every answer
 * @param discovered found in comments no fixed theme matched (by the background re-grouping)
 * @param criticised the theme as a complaint: its complaint label ("late delivery") and comments
 *     that criticise it, detractors' first; what the dashboard lists among the drivers
 * @param praised the theme as praise: its praise label ("fast delivery") and comments that praise
 *     it, promoters' first
 */
public record ThemeCost(
        String id,
        String label,
        Map<String, String> labels,
        String area,
        long responses,
        Double share,
        Map<String, Long> categories,
        Double nps,
        Double npsWithout,
        Impact impact,
        long praise,
        long complaints,
        Double npsIfDetractorsPassive,
        Double gain,
        Double passiveGap,
        boolean discovered,
        List<AreaImpact> areas,
        List<Example> examples,
        Side criticised,
        Side praised) {

    /** NPS of those mentioning minus those not, its 95 % interval and two-sided p-value; null without a comparison. */
    public record Impact(Double difference, double[] ci95, Double pValue, boolean significant) {}

    /** The same comparison within one area answer. */
    public record AreaImpact(String area, long responses, Double nps, Double npsWithout, Impact impact) {}

    public record Example(UUID responseId, String comment, String sentiment) {}

    /** One side of a theme: its label in the report's language, in each language, and its examples. */
    public record Side(String label, Map<String, String> labels, List<Example> examples) {}
}
