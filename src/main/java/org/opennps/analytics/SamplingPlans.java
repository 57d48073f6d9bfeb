package org.opennps.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Sampling sized by precision. For a segment with adjusted per-answer variance V' (the NPS
 * interval's, as a fraction) the 95 % half-width after n answers is 1.959964 × 100 × √(V'/(n + 3))
 * points, so ±N points needs n = (1.959964 × 100 × √V' / N)² − 3 answers a month. A segment
 * that gave a answers a month at the current share c gives a / c at full sampling (its contacts
 * times its response rate), so it needs the share n / (a / c). One share applies to the whole
 * campaign (sticky per contact), so the plan takes the largest share any segment needs.
 */
@Service
class SamplingPlans {

    static final double DAYS_PER_MONTH = 30.44;
    static final Duration DEFAULT_PERIOD = Duration.ofDays(90);

    private final FactQueries queries;
    private final Clock clock;

    SamplingPlans(FactQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    SamplingPlan plan(UUID ws, NpsFilter asked, Dimension per, double points, int currentPercent) {
        Instant until = asked.until() != null ? asked.until() : clock.instant();
        Instant since = asked.since() != null ? asked.since() : until.minus(DEFAULT_PERIOD);
        NpsFilter period =
                new NpsFilter(asked.surveyId(), asked.campaignId(), asked.channel(), since, until, asked.where(), null);
        double months = Duration.between(since, until).toSeconds() / (DAYS_PER_MONTH * 86_400);
        Map<String, Tally> observed = queries.byDimension(ws, period, per);
        NpsFilter last30 = new NpsFilter(
                asked.surveyId(),
                asked.campaignId(),
                asked.channel(),
                until.minus(Duration.ofDays(30)),
                until,
                asked.where(),
                null);
        Map<String, Tally> recent = queries.byDimension(ws, last30, per);
        double current = currentPercent / 100.0;
        double share = 0.01;
        boolean reachable = true;
        List<double[]> figures = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, Tally> e : observed.entrySet()) {
            if (e.getKey() == null) {
                continue;
            }
            Tally t = e.getValue();
            double perMonth = months <= 0 ? 0 : t.responses() / months;
            double variance = NpsMath.adjustedVariance(t);
            double sd = Math.sqrt(variance);
            double needed = Math.max(0, Math.pow(NpsMath.Z95 * 100 * sd / points, 2) - 3);
            double full = perMonth / current;
            double segmentShare = full == 0 ? Double.POSITIVE_INFINITY : needed / full;
            if (segmentShare > 1) {
                reachable = false;
            }
            share = Math.max(share, Math.min(1, segmentShare));
            values.add(e.getKey());
            figures.add(new double[] {perMonth, sd, needed, full});
        }
        int percent = (int) Math.min(100, Math.ceil(share * 100 - 1e-9));
        List<SamplingPlan.Segment> segments = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            double[] f = figures.get(i);
            double answers = f[3] * percent / 100.0;
            Double expected = f[3] == 0 ? null : round(NpsMath.Z95 * 100 * f[1] / Math.sqrt(answers + 3));
            Tally r = recent.getOrDefault(values.get(i), Tally.EMPTY);
            double[] ci = NpsMath.interval95(r);
            segments.add(new SamplingPlan.Segment(
                    values.get(i),
                    round(f[0]),
                    round(f[1]),
                    round(f[2]),
                    expected,
                    ci == null ? null : round((ci[1] - ci[0]) / 2),
                    r.responses()));
        }
        return new SamplingPlan(
                per.key(),
                points,
                values.isEmpty() ? 100 : percent,
                reachable && !values.isEmpty(),
                currentPercent,
                round(months),
                segments);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
