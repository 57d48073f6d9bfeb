package org.opennps.analytics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The statistics of NPS as PRODUCT.md defines them. The interval is the adjusted Wald interval
 * (add 3/4 of an answer to each category, n' = n + 3), which keeps sensible coverage at small n
 * and at 100 % promoters, where the plain Wald interval collapses to a point.
 */
final class NpsMath {

    /** Groups smaller than this are flagged: their interval is too wide to act on. */
    static final int LOW_N = 30;

    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);
    static final double Z95 = NORMAL.inverseCumulativeProbability(0.975);

    private NpsMath() {}

    /** Point NPS in [-100, 100], or null when nobody answered. */
    static Double nps(Tally t) {
        if (t.responses() == 0) {
            return null;
        }
        return 100.0 * (t.promoters() - t.detractors()) / t.responses();
    }

    /** NPS' as a fraction in [-1, 1]: the centre of the adjusted interval. */
    static double adjustedNps(Tally t) {
        double n = t.responses() + 3.0;
        return ((t.promoters() + 0.75) - (t.detractors() + 0.75)) / n;
    }

    /** V' = p'P + p'D − (p'P − p'D)². */
    static double adjustedVariance(Tally t) {
        double n = t.responses() + 3.0;
        double p = (t.promoters() + 0.75) / n;
        double d = (t.detractors() + 0.75) / n;
        return p + d - (p - d) * (p - d);
    }

    /** 95 % adjusted Wald interval ×100, clipped to [-100, 100]; null when nobody answered. */
    static double[] interval95(Tally t) {
        if (t.responses() == 0) {
            return null;
        }
        double half = Z95 * Math.sqrt(adjustedVariance(t) / (t.responses() + 3.0));
        double centre = adjustedNps(t);
        return new double[] {clip(100 * (centre - half)), clip(100 * (centre + half))};
    }

    /** z = (NPS'1 − NPS'2) / √(V'1/n'1 + V'2/n'2), with NPS' as fractions. */
    static double z(Tally a, Tally b) {
        double se =
                Math.sqrt(adjustedVariance(a) / (a.responses() + 3.0) + adjustedVariance(b) / (b.responses() + 3.0));
        return (adjustedNps(a) - adjustedNps(b)) / se;
    }

    /** Two-sided p-value of a standard normal z. */
    static double twoSidedP(double z) {
        return Math.min(1.0, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
    }

    /**
     * Holm's step-down adjustment: the i-th smallest of m p-values is multiplied by (m − i),
     * kept monotone and capped at 1. Controls the family-wise error rate over all groups.
     */
    static double[] holm(List<Double> pValues) {
        int m = pValues.size();
        Integer[] order = new Integer[m];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(pValues::get));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1.0, (m - rank) * pValues.get(i)));
            adjusted[i] = running;
        }
        return adjusted;
    }

    private static double clip(double value) {
        return Math.max(-100, Math.min(100, value));
    }
}
