package org.opennps.analytics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Finds the contacts whose answers match a {@link RespondentQuery}, for campaigns that write
 * back to the people who raised something. Themes are matched with the same text analysis the
 * themes report uses, so a theme found there selects the people who wrote it.
 */
@Service
class Respondents {

    private final FactQueries facts;
    private final TextAnalysis analysis = new TextAnalysis();

    Respondents(FactQueries facts) {
        this.facts = facts;
    }

    /** Distinct contact ids in id order. */
    List<UUID> find(UUID ws, RespondentQuery query) {
        List<FieldViolation> violations = new ArrayList<>();
        Set<String> categories = categories(query.categories(), violations);
        Set<String> areas = areas(query.areas(), violations);
        Set<String> themeKeys = themeKeys(query.themes(), violations);
        if (query.since() != null && query.until() != null && !query.since().isBefore(query.until())) {
            violations.add(new FieldViolation("until", "must be after since"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Set<UUID> contacts = new TreeSet<>();
        for (Map.Entry<UUID, String> answer : facts.respondentAnswers(
                ws, query.surveyId(), categories, areas, !themeKeys.isEmpty(), query.since(), query.until())) {
            if (themeKeys.isEmpty() || mentions(answer.getValue(), themeKeys)) {
                contacts.add(answer.getKey());
            }
        }
        return List.copyOf(contacts);
    }

    private boolean mentions(String comment, Set<String> themeKeys) {
        return analysis.terms(comment).stream().anyMatch(t -> themeKeys.contains(t.key()));
    }

    private static Set<String> categories(Set<String> given, List<FieldViolation> violations) {
        Set<String> result = new HashSet<>();
        for (String c : given) {
            String category = c == null ? "" : c.strip().toLowerCase(Locale.ROOT);
            if (!NpsFilter.CATEGORIES.contains(category)) {
                violations.add(new FieldViolation(
                        "categories", "unknown category " + c + "; use promoter, passive or detractor"));
            }
            result.add(category);
        }
        return result;
    }

    private static Set<String> areas(Set<String> given, List<FieldViolation> violations) {
        Set<String> result = new HashSet<>();
        for (String a : given) {
            String area = Answers.AREAS.stream()
                    .filter(known -> a != null && known.equalsIgnoreCase(a.strip()))
                    .findFirst()
                    .orElse(null);
            if (area == null) {
                violations.add(new FieldViolation("areas", "unknown area " + a + "; use one of " + Answers.AREAS));
            }
            result.add(area);
        }
        return result;
    }

    /** The stem key of each theme label: its word pair, or its one word. */
    private Set<String> themeKeys(Set<String> themes, List<FieldViolation> violations) {
        Set<String> keys = new HashSet<>();
        for (String theme : themes) {
            List<TextAnalysis.Term> terms = theme == null ? List.of() : analysis.terms(theme);
            if (terms.isEmpty() || terms.size() > 3) {
                violations.add(
                        new FieldViolation("themes", "a theme is one or two words, as the themes report names it"));
                continue;
            }
            keys.add(terms.stream()
                    .filter(TextAnalysis.Term::bigram)
                    .findFirst()
                    .orElse(terms.getFirst())
                    .key());
        }
        return keys;
    }
}
