/**
 * Analytics that tell the truth: NPS with adjusted-Wald intervals, trends in the workspace's
 * time zone, segments with multiple-comparison corrected flags, period comparisons, areas,
 * themes of open answers, funnels and passive movement. Built from its own fact table, fed by
 * the response module's events; it never reads another module's tables.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "workspace", "event", "response", "survey", "invitation"})
package org.opennps.analytics;
