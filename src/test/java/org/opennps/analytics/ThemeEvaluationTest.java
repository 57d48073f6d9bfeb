package org.opennps.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Theme assignment and aspect sentiment against the labelled comments under
 * {@code src/test/resources/themes}: every other comment is held out (never looked at when the
 * cues and word lists were tuned); the thresholds hold on both halves. No Spring context.
 */
class ThemeEvaluationTest {

    static final double MIN_PRECISION = 0.80;
    static final double MIN_RECALL = 0.80;
    static final double MIN_SENTIMENT_ACCURACY = 0.80;

    record Row(String language, int line, String text, Map<String, String> labels) {
        boolean heldOut() {
            return line % 2 == 1;
        }
    }

    record Score(int rows, int truePositives, int predicted, int labelled, int sentimentRight, int sentimentJudged) {
        double precision() {
            return predicted == 0 ? 1 : (double) truePositives / predicted;
        }

        double recall() {
            return labelled == 0 ? 1 : (double) truePositives / labelled;
        }

        double sentimentAccuracy() {
            return sentimentJudged == 0 ? 1 : (double) sentimentRight / sentimentJudged;
        }

        @Override
        public String toString() {
            return String.format(
                    "%d comments: precision %.3f, recall %.3f, aspect sentiment %.3f (%d of %d)",
                    rows, precision(), recall(), sentimentAccuracy(), sentimentRight, sentimentJudged);
        }
    }

    static List<Row> rows;
    static final CommentAnalyser analyser = new CommentAnalyser();

    @BeforeAll
    static void load() throws IOException {
        rows = new ArrayList<>();
        rows.addAll(read("en"));
        rows.addAll(read("pl"));
    }

    @Test
    void theSetIsLargeAndCoversBothLanguagesAndEveryTheme() {
        assertThat(rows).hasSizeGreaterThanOrEqualTo(600);
        assertThat(rows.stream().filter(r -> r.language().equals("pl"))).hasSizeGreaterThanOrEqualTo(250);
        for (ThemeTaxonomy.Theme t : ThemeTaxonomy.THEMES) {
            assertThat(rows.stream().filter(r -> r.labels().containsKey(t.id())))
                    .as(t.id())
                    .hasSizeGreaterThanOrEqualTo(20);
        }
        assertThat(rows.stream().filter(r -> r.labels().size() > 1)).hasSizeGreaterThanOrEqualTo(80);
    }

    @Test
    void heldOutCommentsMeetTheThresholds() {
        Score held = score(rows.stream().filter(Row::heldOut).toList());
        System.out.println("held out: " + held);
        assertThat(held.precision()).as(held.toString()).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(held.recall()).as(held.toString()).isGreaterThanOrEqualTo(MIN_RECALL);
        assertThat(held.sentimentAccuracy()).as(held.toString()).isGreaterThanOrEqualTo(MIN_SENTIMENT_ACCURACY);
    }

    @Test
    void tuningCommentsMeetTheThresholds() {
        Score tune = score(rows.stream().filter(r -> !r.heldOut()).toList());
        System.out.println("tuning: " + tune);
        assertThat(tune.precision()).as(tune.toString()).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(tune.recall()).as(tune.toString()).isGreaterThanOrEqualTo(MIN_RECALL);
        assertThat(tune.sentimentAccuracy()).as(tune.toString()).isGreaterThanOrEqualTo(MIN_SENTIMENT_ACCURACY);
    }

    @Test
    void eachLanguageMeetsTheThresholdsOnItsOwn() {
        for (String language : List.of("en", "pl")) {
            Score s = score(
                    rows.stream().filter(r -> r.language().equals(language)).toList());
            System.out.println(language + ": " + s);
            assertThat(s.precision()).as(language + " " + s).isGreaterThanOrEqualTo(MIN_PRECISION);
            assertThat(s.recall()).as(language + " " + s).isGreaterThanOrEqualTo(MIN_RECALL);
            assertThat(s.sentimentAccuracy()).as(language + " " + s).isGreaterThanOrEqualTo(MIN_SENTIMENT_ACCURACY);
        }
    }

    @Test
    void languageIsRecognised() {
        long wrong = rows.stream()
                .filter(r -> !analyser.analyse(r.text()).language().equals(r.language()))
                .count();
        assertThat(wrong).isLessThanOrEqualTo(rows.size() / 50);
    }

    static Score score(List<Row> subset) {
        int tp = 0, predicted = 0, labelled = 0, right = 0, judged = 0;
        for (Row r : subset) {
            CommentAnalyser.Analysis a = analyser.analyse(r.text());
            labelled += r.labels().size();
            predicted += a.mentions().size();
            for (CommentAnalyser.Mention m : a.mentions()) {
                String expected = r.labels().get(m.theme());
                if (expected == null) {
                    continue;
                }
                tp++;
                judged++;
                if (Objects.equals(expected, m.sentiment().json())) {
                    right++;
                }
            }
        }
        return new Score(subset.size(), tp, predicted, labelled, right, judged);
    }

    /** Misses of the tuning half only, to improve the cues without looking at the held-out half. */
    static void main(String[] args) throws IOException {
        load();
        for (Row r : rows) {
            if (r.heldOut()) continue;
            CommentAnalyser.Analysis a = analyser.analyse(r.text());
            Map<String, String> got = new LinkedHashMap<>();
            a.mentions().forEach(m -> got.put(m.theme(), m.sentiment().json()));
            if (!got.equals(r.labels())) {
                System.out.println(
                        r.language() + ":" + r.line() + " expected " + r.labels() + " got " + got + "  | " + r.text());
            }
        }
        System.out.println(
                "tuning: " + score(rows.stream().filter(x -> !x.heldOut()).toList()));
    }

    private static List<Row> read(String language) throws IOException {
        List<Row> out = new ArrayList<>();
        try (var in = ThemeEvaluationTest.class.getResourceAsStream("/themes/evaluation-" + language + ".tsv");
                var reader =
                        new BufferedReader(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                n++;
                String[] parts = line.split("\t", 2);
                Map<String, String> labels = new LinkedHashMap<>();
                if (!parts[0].equals("none")) {
                    for (String l : parts[0].split(" ")) {
                        String[] tv = l.split(":");
                        labels.put(
                                tv[0],
                                switch (tv[1]) {
                                    case "+" -> "positive";
                                    case "-" -> "negative";
                                    case "~" -> "mixed";
                                    default -> "neutral";
                                });
                    }
                }
                out.add(new Row(language, n, parts[1], labels));
            }
        }
        return out;
    }
}
