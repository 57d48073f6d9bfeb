package org.opennps.analytics;

import java.util.List;

/**
 * NPS of one segment value (key null: the snapshot had no such value) and whether it differs
 * from all other answers: {@code z} and {@code pValue} against the rest, {@code pAdjusted} after
 * Holm's correction over all groups, {@code significant} when that is below 0.05.
 */
public record GroupResult(
        String key,
        Double nps,
        long responses,
        long promoters,
        long passives,
        long detractors,
        NpsResult.Shares shares,
        List<Double> ci95,
        boolean lowN,
        Double z,
        Double pValue,
        Double pAdjusted,
        boolean significant) {}
