package org.opennps.analytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
    static final int MAX_MONTHS = 6;

    private final FactQueries queries;
    private final Clock clock;

    SamplingPlans(FactQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** One segment's observed figures: answers a month as collected, spread, need, at full sampling. */
    private record Observed(String value, double perMonth, double sd, double needed, double full) {}

    SamplingPlan plan(UUID ws, NpsFilter asked, Dimension per, double points, int currentPercent, ZoneId zone) {
        Instant until = asked.until() != null ? asked.until() : clock.instant();
        Instant since = asked.since() != null ? asked.since() : until.minus(DEFAULT_PERIOD);
        double months = Duration.between(since, until).toSeconds() / (DAYS_PER_MONTH * 86_400);
        double current = currentPercent / 100.0;
        double share = 0.01;
        boolean reachable = true;
        List<Observed> observed = new ArrayList<>();
        for (Map.Entry<String, Tally> e :
                queries.byDimension(ws, period(asked, since, until), per).entrySet()) {
            if (e.getKey() == null) {
                continue;
            }
            double perMonth = months <= 0 ? 0 : e.getValue().responses() / months;
            double sd = Math.sqrt(NpsMath.adjustedVariance(e.getValue()));
            double needed = Math.max(0, Math.pow(NpsMath.Z95 * 100 * sd / points, 2) - 3);
            double full = perMonth / current;
            double segmentShare = full == 0 ? Double.POSITIVE_INFINITY : needed / full;
            reachable &= segmentShare <= 1;
            share = Math.max(share, Math.min(1, segmentShare));
            observed.add(new Observed(e.getKey(), perMonth, sd, needed, full));
        }
        int percent = (int) Math.min(100, Math.ceil(share * 100 - 1e-9));
        List<SamplingPlan.Segment> segments = observed.isEmpty()
                ? List.of()
                : segments(ws, asked, per, points, percent, observed, until, calendarMonths(since, until, zone));
        return new SamplingPlan(
                per.key(),
                points,
                observed.isEmpty() ? 100 : percent,
                reachable && !observed.isEmpty(),
                currentPercent,
                round(months),
                segments);
    }

    private List<SamplingPlan.Segment> segments(
            UUID ws,
            NpsFilter asked,
            Dimension per,
            double points,
            int percent,
            List<Observed> observed,
            Instant until,
            List<CalendarMonth> calendar) {
        Map<String, Tally> recent =
                queries.byDimension(ws, period(asked, until.minus(Duration.ofDays(30)), until), per);
        List<Map<String, Tally>> byMonth = calendar.stream()
                .map(m -> queries.byDimension(ws, period(asked, m.since(), m.until()), per))
                .toList();
        List<SamplingPlan.Segment> segments = new ArrayList<>();
        for (Observed o : observed) {
            double answers = o.full() * percent / 100.0;
            Tally r = recent.getOrDefault(o.value(), Tally.EMPTY);
            double[] ci = NpsMath.interval95(r);
            List<SamplingPlan.Month> months = new ArrayList<>();
            for (int i = 0; i < calendar.size(); i++) {
                months.add(month(calendar.get(i), byMonth.get(i).getOrDefault(o.value(), Tally.EMPTY), points));
            }
            segments.add(new SamplingPlan.Segment(
                    o.value(),
                    round(o.perMonth()),
                    round(o.sd()),
                    round(o.needed()),
                    o.full() == 0 ? null : round(NpsMath.Z95 * 100 * o.sd() / Math.sqrt(answers + 3)),
                    ci == null ? null : round((ci[1] - ci[0]) / 2),
                    r.responses(),
                    round(answers),
                    months));
        }
        return segments;
    }

    private static SamplingPlan.Month month(CalendarMonth m, Tally t, double points) {
        Double half = t.responses() == 0
                ? null
                : round(NpsMath.Z95 * 100 * Math.sqrt(NpsMath.adjustedVariance(t) / (t.responses() + 3.0)));
        return new SamplingPlan.Month(
                m.month().toString(),
                m.since(),
                m.until(),
                m.whole(),
                t.responses(),
                t.responses() == 0 ? null : round(NpsMath.nps(t)),
                half,
                half == null ? null : half <= points);
    }

    /** A calendar month in the workspace's zone, cut to the period. */
    record CalendarMonth(YearMonth month, Instant since, Instant until, boolean whole) {}

    /**
     * The calendar months of [since, until) in the zone that start within it (the newest
     * {@link #MAX_MONTHS}), the last one cut at {@code until}; a period within one month gives
     * that month, cut to the period.
     */
    static List<CalendarMonth> calendarMonths(Instant since, Instant until, ZoneId zone) {
        List<CalendarMonth> months = new ArrayList<>();
        ZonedDateTime start = since.atZone(zone).withDayOfMonth(1).toLocalDate().atStartOfDay(zone);
        while (start.toInstant().isBefore(until)) {
            ZonedDateTime next = start.plusMonths(1).toLocalDate().atStartOfDay(zone);
            boolean startsWithin = !start.toInstant().isBefore(since);
            boolean endsWithin = !next.toInstant().isAfter(until);
            if (startsWithin || !endsWithin) {
                months.add(new CalendarMonth(
                        YearMonth.from(start),
                        startsWithin ? start.toInstant() : since,
                        endsWithin ? next.toInstant() : until,
                        startsWithin && endsWithin));
            }
            start = next;
        }
        return months.size() > MAX_MONTHS ? months.subList(months.size() - MAX_MONTHS, months.size()) : months;
    }

    private static NpsFilter period(NpsFilter asked, Instant since, Instant until) {
        return new NpsFilter(asked.surveyId(), asked.campaignId(), asked.channel(), since, until, asked.where(), null);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
