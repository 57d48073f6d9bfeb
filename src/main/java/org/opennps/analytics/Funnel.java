package org.opennps.analytics;

import java.util.List;

/**
 * How far the contacts of each NPS category got through ordered event steps, each step within
 * {@code within} (ISO-8601 duration as given) of the first, and where passives fall behind
 * promoters.
 */
public record Funnel(
        List<String> steps, String within, List<CategoryFunnel> categories, List<Gap> passivesVsPromoters) {

    /** A contact's category is that of their latest counted answer in the filter. */
    public record CategoryFunnel(String category, long contacts, List<Step> steps) {}

    /**
     * {@code share}: percent of the category's contacts that reached the step; {@code conversion}:
     * percent of those who reached the previous step (null for the first step or none before).
     */
    public record Step(String type, long reached, Double share, Double conversion) {}

    /** Step conversion of passives minus that of promoters, in percentage points; negative = drop-off. */
    public record Gap(String type, Double passiveConversion, Double promoterConversion, Double difference) {}
}
