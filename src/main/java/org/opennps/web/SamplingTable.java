package org.opennps.web;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.opennps.analytics.SamplingPlan;
import org.opennps.campaign.CampaignSampling;

/**
 * The campaign page's precision table: per segment (largest first) the answers a month, the
 * interval a month expected at the planned share (before activation) and the one achieved in
 * each calendar month (after), with the months as column headings.
 *
 * @param segmentName what a segment is, "city" for {@code attribute:city}
 * @param months column headings, "Oct 2026", the current month marked "so far"
 * @param widest the widest expected interval when the precision is out of reach, else null
 * @param more segments not listed
 */
record SamplingTable(
        String segmentName, List<String> months, List<SamplingPlan.Segment> rows, Double widest, int more) {

    /** The whole points every segment reaches a month when everyone is asked, if out of reach. */
    public Integer reachablePoints() {
        return widest == null ? null : (int) Math.ceil(widest);
    }

    static final int MAX_ROWS = 25;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    /** The table of a campaign with a precision, or null for a fixed share. */
    static SamplingTable of(CampaignSampling sampling) {
        if (sampling == null || sampling.precision() == null) {
            return null;
        }
        String per = sampling.precision().per();
        List<SamplingPlan.Segment> segments = sampling.segments() == null ? List.of() : sampling.segments();
        List<String> months = segments.stream()
                .map(SamplingPlan.Segment::achievedMonths)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(List.of())
                .stream()
                .map(m -> YearMonth.parse(m.month()).format(MONTH) + (m.whole() ? "" : " so far"))
                .toList();
        Double widest = Boolean.FALSE.equals(sampling.reachable())
                ? segments.stream()
                        .map(SamplingPlan.Segment::expectedHalfWidth)
                        .filter(Objects::nonNull)
                        .max(Double::compare)
                        .orElse(null)
                : null;
        List<SamplingPlan.Segment> rows = segments.stream()
                .sorted(Comparator.comparingDouble(SamplingPlan.Segment::answersPerMonth)
                        .reversed()
                        .thenComparing(SamplingPlan.Segment::value))
                .limit(MAX_ROWS)
                .toList();
        return new SamplingTable(
                per.substring(per.indexOf(':') + 1), months, rows, widest, segments.size() - rows.size());
    }
}
