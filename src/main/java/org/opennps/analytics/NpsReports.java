package org.opennps.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** NPS, trends, segments and comparisons over the fact table. */
@Service
class NpsReports {

    static final double ALPHA = 0.05;

    private final FactQueries queries;
    private final Rollups rollups;
    private final Clock clock;

    NpsReports(FactQueries queries, Rollups rollups, Clock clock) {
        this.queries = queries;
        this.rollups = rollups;
        this.clock = clock;
    }

    NpsResult nps(UUID ws, NpsFilter filter, ZoneId zone) {
        return NpsResult.of(tally(ws, filter, zone));
    }

    /** The daily rollup when it answers the filter exactly, else the fact table. */
    private Optional<RollupPlan> plan(UUID ws, NpsFilter filter, ZoneId zone) {
        return RollupPlan.of(filter, zone).filter(p -> rollups.consistent(ws, zone));
    }

    private Tally tally(UUID ws, NpsFilter filter, ZoneId zone) {
        return plan(ws, filter, zone).map(p -> rollups.tally(ws, p, filter)).orElseGet(() -> queries.tally(ws, filter));
    }

    /** Every bucket from since (or the first answer) to until (or now), empty ones included. */
    List<SeriesPoint> series(UUID ws, NpsFilter filter, String interval, ZoneId zone) {
        Instant to = filter.until() != null ? filter.until() : clock.instant();
        Instant from = filter.since() != null ? filter.since() : queries.firstAnswer(ws, filter);
        if (from == null || !from.isBefore(to)) {
            from = to.minusSeconds(1);
        }
        TimeBuckets buckets = TimeBuckets.of(interval, zone, from, to);
        Tally[] tallies = new Tally[buckets.starts().size()];
        java.util.Arrays.fill(tallies, Tally.EMPTY);
        Optional<RollupPlan> plan = plan(ws, filter, zone);
        if (plan.isPresent()) {
            rollups.byDay(ws, plan.get(), filter)
                    .forEach((day, t) -> addTo(
                            tallies, buckets.indexOf(day.atStartOfDay(zone).toInstant()), t));
        } else {
            queries.byQuarter(ws, filter)
                    .forEach((quarter, t) -> addTo(tallies, buckets.indexOf(Instant.ofEpochSecond(quarter * 900)), t));
        }
        List<SeriesPoint> points = new ArrayList<>();
        for (int i = 0; i < tallies.length; i++) {
            points.add(SeriesPoint.of(
                    buckets.starts().get(i).toOffsetDateTime(),
                    buckets.endOf(i).toOffsetDateTime(),
                    NpsResult.of(tallies[i])));
        }
        return points;
    }

    private static void addTo(Tally[] tallies, int index, Tally t) {
        if (index >= 0) {
            tallies[index] = tallies[index].plus(t);
        }
    }

    /** Groups by responses, largest first, each tested against all the other answers. */
    List<GroupResult> groups(UUID ws, NpsFilter filter, Dimension dimension, ZoneId zone) {
        Map<String, Tally> byValue = plan(ws, filter, zone)
                .filter(p -> Rollups.ALL.equals(p.dim()))
                .map(p -> rollups.byValue(ws, p, filter, dimension.key()))
                .orElseGet(() -> queries.byDimension(ws, filter, dimension));
        Tally total = byValue.values().stream().reduce(Tally.EMPTY, Tally::plus);
        List<Map.Entry<String, Tally>> entries = new ArrayList<>(byValue.entrySet());
        entries.sort(Comparator.<Map.Entry<String, Tally>>comparingLong(
                        e -> -e.getValue().responses())
                .thenComparing(e -> e.getKey() == null ? "\uffff" : e.getKey()));
        List<Double> pValues = new ArrayList<>();
        List<Double> zs = new ArrayList<>();
        for (Map.Entry<String, Tally> e : entries) {
            Tally rest = total.minus(e.getValue());
            // with nothing to compare against there is no test, not a p-value of 1
            Double z = rest.responses() == 0 ? null : NpsMath.z(e.getValue(), rest);
            zs.add(z);
            if (z != null) {
                pValues.add(NpsMath.twoSidedP(z));
            }
        }
        double[] adjusted = NpsMath.holm(pValues);
        List<GroupResult> groups = new ArrayList<>();
        int tested = 0;
        for (int i = 0; i < entries.size(); i++) {
            Double z = zs.get(i);
            Double p = z == null ? null : pValues.get(tested);
            Double pAdjusted = z == null ? null : adjusted[tested++];
            groups.add(group(entries.get(i).getKey(), entries.get(i).getValue(), z, p, pAdjusted));
        }
        return groups;
    }

    Comparison compare(UUID ws, NpsFilter a, NpsFilter b, ZoneId zone) {
        Tally ta = tally(ws, a, zone);
        Tally tb = tally(ws, b, zone);
        NpsResult ra = NpsResult.of(ta);
        NpsResult rb = NpsResult.of(tb);
        double z = NpsMath.z(ta, tb);
        double p = NpsMath.twoSidedP(z);
        Double difference = ra.nps() == null || rb.nps() == null ? null : NpsResult.round(ra.nps() - rb.nps());
        return new Comparison(ra, rb, difference, round4(z), p, p < ALPHA);
    }

    private static GroupResult group(String key, Tally t, Double z, Double p, Double pAdjusted) {
        NpsResult r = NpsResult.of(t);
        return new GroupResult(
                key,
                r.nps(),
                r.responses(),
                r.promoters(),
                r.passives(),
                r.detractors(),
                r.shares(),
                r.ci95(),
                r.lowN(),
                z == null ? null : round4(z),
                p,
                pAdjusted,
                pAdjusted != null && pAdjusted < ALPHA);
    }

    private static double round4(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
