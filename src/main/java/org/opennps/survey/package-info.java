/**
 * Surveys: ordered questions (nps, rating, single and multi choice, text) with per-locale texts
 * and {@code show_if} rules, validated on the way in, plus ready-made templates.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "workspace"})
package org.opennps.survey;
