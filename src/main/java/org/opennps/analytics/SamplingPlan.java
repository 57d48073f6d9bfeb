package org.opennps.analytics;

import java.time.Instant;
import java.util.List;

/**
 * The sampling share that reaches a precision asked for ("±{@code points} NPS points per
 * {@code per} per month"), from what the observed answers say: how many answers each segment
 * gives a month at full sampling and how spread they are.
 *
 * @param sharePercent the smallest share (1–100) that gives every segment the precision, 100
 *     when some segment cannot reach it even at full sampling ({@code reachable} false)
 * @param currentPercent the share the observed answers were collected at
 * @param months the length of the observed period in months (30.44 days)
 */
public record SamplingPlan(
        String per,
        double points,
        int sharePercent,
        boolean reachable,
        int currentPercent,
        double months,
        List<Segment> segments) {

    /**
     * @param answersPerMonth observed answers a month at the current share
     * @param sd the spread of one answer's NPS contribution (adjusted, 0–1)
     * @param neededPerMonth answers a month the precision needs
     * @param expectedHalfWidth the half-width of the 95 % interval a month at {@code sharePercent}
     * @param achievedHalfWidth the half-width of the 95 % interval of the last 30 days as answered
     * @param expectedPerMonth answers a month expected at {@code sharePercent}
     * @param achievedMonths the interval achieved in each calendar month of the observed period (in
     *     the workspace's time zone): its whole months and the current one so far, oldest first
     */
    public record Segment(
            String value,
            double answersPerMonth,
            double sd,
            double neededPerMonth,
            Double expectedHalfWidth,
            Double achievedHalfWidth,
            long achievedResponses,
            Double expectedPerMonth,
            List<Month> achievedMonths) {}

    /**
     * One calendar month of a segment's answers.
     *
     * @param month the month, {@code 2026-10}
     * @param since its start, or the period's when the period starts later
     * @param until its end, or the period's end for the current month
     * @param whole false for the current month, not over yet
     * @param nps NPS of its answers, null without answers
     * @param halfWidth the half-width of its 95 % interval (1.959964 × 100 × √(V'/(n + 3)), not
     *     clipped, so it compares with {@code points}); null without answers
     * @param met whether {@code halfWidth} is within the precision asked for; null without answers
     */
    public record Month(
            String month,
            Instant since,
            Instant until,
            boolean whole,
            long responses,
            Double nps,
            Double halfWidth,
            Boolean met) {}
}
