package org.opennps.analytics;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Which people to find among those who answered: a contact qualifies when at least one of its
 * counted responses completed in {@code [since, until)} meets every restriction given. A null
 * or empty field restricts nothing.
 *
 * @param surveyId only responses to this survey
 * @param categories {@code promoter}, {@code passive}, {@code detractor}
 * @param areas the area answer (Product, Pricing, Support, Delivery, Ease of use, Other)
 * @param themes theme labels as {@code /api/v1/analytics/themes} names them ("late delivery");
 *     the response's comment must contain one of them, compared by word stems
 */
public record RespondentQuery(
        UUID surveyId, Set<String> categories, Set<String> areas, Set<String> themes, Instant since, Instant until) {

    public RespondentQuery {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        areas = areas == null ? Set.of() : Set.copyOf(areas);
        themes = themes == null ? Set.of() : Set.copyOf(themes);
    }
}
