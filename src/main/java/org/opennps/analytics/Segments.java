package org.opennps.analytics;

import java.util.List;

/** NPS per value of one snapshot dimension, largest group first. */
public record Segments(String groupBy, List<GroupResult> groups) {}
