package org.opennps.analytics;

import java.time.OffsetDateTime;
import java.util.List;

/** One bucket of a trend: its local start and end (with offset), and its NPS; empty buckets have nps null. */
public record SeriesPoint(
        OffsetDateTime start,
        OffsetDateTime end,
        Double nps,
        long responses,
        long promoters,
        long passives,
        long detractors,
        List<Double> ci95,
        boolean lowN) {

    static SeriesPoint of(OffsetDateTime start, OffsetDateTime end, NpsResult r) {
        return new SeriesPoint(
                start, end, r.nps(), r.responses(), r.promoters(), r.passives(), r.detractors(), r.ci95(), r.lowN());
    }
}
