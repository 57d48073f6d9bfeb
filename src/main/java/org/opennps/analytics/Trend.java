package org.opennps.analytics;

import java.util.List;

/** A trend: consecutive buckets of {@code interval} in the workspace's {@code timeZone}. */
public record Trend(String interval, String timeZone, List<SeriesPoint> series) {}
