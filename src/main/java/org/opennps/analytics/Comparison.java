package org.opennps.analytics;

/**
 * Two periods or segments side by side: {@code difference} of the point scores, {@code z} of
 * the adjusted scores and its two-sided {@code pValue}.
 */
public record Comparison(NpsResult a, NpsResult b, Double difference, double z, double pValue, boolean significant) {}
