package org.opennps.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Areas chosen, and themes of the comments: frequent stems and stem pairs, their areas and sentiment. */
@Service
class ThemeReports {

    /** The newest comments analysed per category; older ones rarely change the top themes. */
    static final int MAX_COMMENTS = 5000;

    static final int TOP_THEMES = 10;
    static final int EXAMPLES = 3;

    private final FactQueries queries;
    private final ThemeCosts costs;
    private final TextAnalysis analysis = new TextAnalysis();
    private final AreaClassifier classifier = new AreaClassifier(analysis);
    private final Sentiment sentiment = new Sentiment(analysis);

    ThemeReports(FactQueries queries, ThemeCosts costs) {
        this.queries = queries;
        this.costs = costs;
    }

    Themes themes(UUID ws, NpsFilter filter) {
        return themes(ws, filter, null);
    }

    /** {@code language} "en" or "pl" keeps comments in that language only (and labels in it); null all. */
    Themes themes(UUID ws, NpsFilter filter, String language) {
        List<Themes.CategoryThemes> result = new ArrayList<>();
        for (String category : categories(filter)) {
            NpsFilter one = new NpsFilter(
                    filter.surveyId(),
                    filter.campaignId(),
                    filter.channel(),
                    filter.since(),
                    filter.until(),
                    filter.where(),
                    category);
            result.add(ofCategory(category, queries.comments(ws, one, MAX_COMMENTS)));
        }
        return new Themes(costs.themes(ws, filter, language), result);
    }

    /** Every area with its count (zeros included, in the survey's order) per category. */
    AreaCounts areas(UUID ws, NpsFilter filter) {
        Map<String, Map<String, Long>> counts = queries.areas(ws, filter);
        List<AreaCounts.CategoryAreas> result = new ArrayList<>();
        for (String category : categories(filter)) {
            Map<String, Long> byArea = counts.getOrDefault(category, new HashMap<>());
            long responses = byArea.values().stream().mapToLong(Long::longValue).sum();
            long answered = responses - byArea.getOrDefault(null, 0L);
            List<AreaCounts.AreaShare> shares = Answers.AREAS.stream()
                    .map(a -> {
                        long n = byArea.getOrDefault(a, 0L);
                        return new AreaCounts.AreaShare(a, n, answered == 0 ? null : round(100.0 * n / answered));
                    })
                    .toList();
            result.add(new AreaCounts.CategoryAreas(category, responses, answered, shares));
        }
        return new AreaCounts(result);
    }

    private static List<String> categories(NpsFilter filter) {
        return filter.category() != null ? List.of(filter.category()) : List.of("detractor", "passive", "promoter");
    }

    private Themes.CategoryThemes ofCategory(String category, List<FactQueries.Comment> comments) {
        List<Analysed> analysed = comments.stream().map(this::analyse).toList();
        Map<String, Long> areas = new LinkedHashMap<>();
        Answers.AREAS.forEach(a -> areas.put(a, 0L));
        analysed.forEach(a -> areas.merge(a.area(), 1L, Long::sum));
        List<Themes.AreaCount> areaCounts = areas.entrySet().stream()
                .map(e -> new Themes.AreaCount(e.getKey(), e.getValue()))
                .toList();
        Double mean = analysed.isEmpty()
                ? null
                : analysed.stream().mapToDouble(Analysed::sentiment).average().orElse(0);
        return new Themes.CategoryThemes(category, comments.size(), round(mean), areaCounts, top(analysed));
    }

    private List<Themes.Theme> top(List<Analysed> analysed) {
        Map<String, List<Integer>> docs = new HashMap<>();
        Map<String, Map<String, Integer>> surfaces = new HashMap<>();
        for (int i = 0; i < analysed.size(); i++) {
            for (TextAnalysis.Term term : analysed.get(i).terms()) {
                docs.computeIfAbsent(term.key(), k -> new ArrayList<>()).add(i);
                surfaces.computeIfAbsent(term.key(), k -> new HashMap<>()).merge(term.surface(), 1, Integer::sum);
            }
        }
        int least = Math.min(2, analysed.size());
        // a phrase says more than a word: pairs weigh double when ranking
        List<String> ranked = docs.keySet().stream()
                .filter(k -> docs.get(k).size() >= least)
                .sorted(Comparator.<String>comparingInt(k -> -docs.get(k).size() * (k.indexOf(' ') > 0 ? 2 : 1))
                        .thenComparing(k -> k))
                .toList();
        List<Themes.Theme> themes = new ArrayList<>();
        Map<String, Integer> inPairs = new HashMap<>();
        for (String key : ranked) {
            if (themes.size() == TOP_THEMES) {
                break;
            }
            int count = docs.get(key).size();
            // "delivery" adds little next to "late delivery" unless it is much more common
            if (key.indexOf(' ') < 0 && count < 2 * inPairs.getOrDefault(key, 0)) {
                continue;
            }
            if (key.indexOf(' ') > 0) {
                List.of(key.split(" ")).forEach(w -> inPairs.merge(w, count, Math::max));
            }
            themes.add(theme(label(surfaces.get(key)), docs.get(key), analysed));
        }
        return themes;
    }

    private Themes.Theme theme(String label, List<Integer> docIds, List<Analysed> analysed) {
        Map<String, Integer> areaVotes = new LinkedHashMap<>();
        double sum = 0;
        for (int id : docIds) {
            areaVotes.merge(analysed.get(id).area(), 1, Integer::sum);
            sum += analysed.get(id).sentiment();
        }
        String area = areaVotes.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse("Other");
        List<Themes.Example> examples = docIds.stream()
                .limit(EXAMPLES)
                .map(id -> analysed.get(id).example())
                .toList();
        return new Themes.Theme(label, docIds.size(), area, round(sum / docIds.size()), examples);
    }

    private Analysed analyse(FactQueries.Comment c) {
        // a theme counts comments, not repetitions inside one comment
        Map<String, TextAnalysis.Term> distinct = new LinkedHashMap<>();
        analysis.terms(c.text()).forEach(t -> distinct.putIfAbsent(t.key(), t));
        List<TextAnalysis.Term> terms = List.copyOf(distinct.values());
        double score = sentiment.score(c.text());
        return new Analysed(
                terms,
                classifier.classify(c.text()),
                score,
                new Themes.Example(c.text(), c.answeredAt(), c.area(), round(score)));
    }

    private static String label(Map<String, Integer> surfaces) {
        return surfaces.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow()
                .getKey();
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }

    private record Analysed(List<TextAnalysis.Term> terms, String area, double sentiment, Themes.Example example) {}
}
