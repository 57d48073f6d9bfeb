package org.opennps.analytics;

import java.util.List;
import java.util.Set;

/**
 * Word-list sentiment of a comment in [-1, 1]: (positive − negative) / (positive + negative),
 * 0 without opinion words. A negation ("not", "never", "no", words ending in "n't") within the
 * three words before flips a word. The lists are this project's own, under its licence.
 */
final class Sentiment {

    private static final Set<String> POSITIVE = Set.of(
            "good",
            "great",
            "excellent",
            "amazing",
            "awesome",
            "fantastic",
            "love",
            "loved",
            "like",
            "liked",
            "happy",
            "pleased",
            "satisfied",
            "perfect",
            "fast",
            "quick",
            "easy",
            "friendly",
            "helpful",
            "nice",
            "wonderful",
            "best",
            "better",
            "recommend",
            "reliable",
            "smooth",
            "simple",
            "clear",
            "fair",
            "polite",
            "professional",
            "convenient",
            "efficient",
            "impressed",
            "quality",
            "thanks",
            "thank",
            "enjoy",
            "enjoyed",
            "useful",
            "intuitive",
            "cheap",
            "affordable",
            "on-time",
            "prompt");
    private static final Set<String> NEGATIVE = Set.of(
            "bad",
            "poor",
            "terrible",
            "awful",
            "horrible",
            "worst",
            "worse",
            "hate",
            "hated",
            "slow",
            "late",
            "broken",
            "damaged",
            "missing",
            "wrong",
            "rude",
            "expensive",
            "overpriced",
            "confusing",
            "complicated",
            "difficult",
            "hard",
            "annoying",
            "disappointed",
            "disappointing",
            "useless",
            "problem",
            "problems",
            "issue",
            "issues",
            "bug",
            "bugs",
            "crash",
            "crashes",
            "error",
            "unhelpful",
            "delay",
            "delayed",
            "lost",
            "cancelled",
            "refund",
            "complaint",
            "waiting",
            "unclear",
            "frustrating",
            "frustrated",
            "fail",
            "failed",
            "unfortunately",
            "lacking");
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "without", "hardly");
    private static final int NEGATION_REACH = 3;

    private final TextAnalysis analysis;

    Sentiment(TextAnalysis analysis) {
        this.analysis = analysis;
    }

    double score(String comment) {
        List<String> words = analysis.words(comment);
        int positive = 0;
        int negative = 0;
        int lastNegation = -NEGATION_REACH - 1;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (NEGATIONS.contains(w) || w.endsWith("n't")) {
                lastNegation = i;
                continue;
            }
            boolean flipped = i - lastNegation <= NEGATION_REACH;
            if (POSITIVE.contains(w)) {
                if (flipped) negative++;
                else positive++;
            } else if (NEGATIVE.contains(w)) {
                if (flipped) positive++;
                else negative++;
            }
        }
        int opinions = positive + negative;
        return opinions == 0 ? 0 : (double) (positive - negative) / opinions;
    }
}
