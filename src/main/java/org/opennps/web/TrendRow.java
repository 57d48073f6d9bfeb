package org.opennps.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opennps.analytics.SeriesPoint;
import org.opennps.analytics.Trend;

/** One point of the dashboard's trend, as the table shows it and the chart draws it. */
record TrendRow(String label, Double nps, Double low, Double high, long responses, boolean lowN) {

    static List<TrendRow> of(Trend trend) {
        DateTimeFormatter format =
                DateTimeFormatter.ofPattern("month".equals(trend.interval()) ? "yyyy-MM" : "yyyy-MM-dd");
        List<TrendRow> rows = new ArrayList<>();
        for (SeriesPoint p : trend.series()) {
            rows.add(new TrendRow(
                    format.format(p.start()),
                    p.nps(),
                    p.ci95() == null ? null : p.ci95().get(0),
                    p.ci95() == null ? null : p.ci95().get(1),
                    p.responses(),
                    p.lowN()));
        }
        return rows;
    }

    /** Columns for the chart script: labels, NPS, interval bounds and answer counts. */
    static Map<String, Object> chartData(List<TrendRow> rows) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", rows.stream().map(TrendRow::label).toList());
        data.put("nps", rows.stream().map(TrendRow::nps).toList());
        data.put("low", rows.stream().map(TrendRow::low).toList());
        data.put("high", rows.stream().map(TrendRow::high).toList());
        data.put("responses", rows.stream().map(TrendRow::responses).toList());
        return data;
    }
}
