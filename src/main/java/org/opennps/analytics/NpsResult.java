package org.opennps.analytics;

import java.util.List;

/**
 * NPS of one group: counts, shares in percent, the score, its 95 % adjusted Wald interval
 * (null when nobody answered), and {@code lowN} when fewer than 30 answered.
 */
public record NpsResult(
        Double nps,
        long responses,
        long promoters,
        long passives,
        long detractors,
        Shares shares,
        List<Double> ci95,
        boolean lowN) {

    /** Shares of the answers in percent; null when nobody answered. */
    public record Shares(Double promoters, Double passives, Double detractors) {}

    static NpsResult of(Tally t) {
        double[] ci = NpsMath.interval95(t);
        long n = t.responses();
        Shares shares = new Shares(percent(t.promoters(), n), percent(t.passives(), n), percent(t.detractors(), n));
        return new NpsResult(
                round(NpsMath.nps(t)),
                n,
                t.promoters(),
                t.passives(),
                t.detractors(),
                shares,
                ci == null ? null : List.of(round(ci[0]), round(ci[1])),
                n < NpsMath.LOW_N);
    }

    private static Double percent(long count, long n) {
        return n == 0 ? null : round(100.0 * count / n);
    }

    /** Two decimals: more would pretend a precision the interval denies. */
    static Double round(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }
}
