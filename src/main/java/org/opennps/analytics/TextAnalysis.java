package org.opennps.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * English text analysis of comments with Lucene: words, stop words removed, Porter stems, and
 * word pairs (shingles). Each term comes with its surface form, so themes read as people wrote
 * them ("late delivery") while counting by stem ("late deliveri" = "late deliveries").
 */
final class TextAnalysis {

    /** A unigram or bigram: {@code key} of stems for counting, {@code surface} for display. */
    record Term(String key, String surface) {
        boolean bigram() {
            return key.indexOf(' ') > 0;
        }
    }

    private static final String FILLER = "_";
    private static final Set<String> MORE_STOP_WORDS = Set.of(
            "i", "me", "my", "we", "our", "us", "you", "your", "he", "she", "his", "her", "them", "would", "could",
            "should", "have", "has", "had", "do", "did", "does", "can", "just", "so", "very", "really", "also", "been",
            "more", "from", "all", "what", "which", "when", "its", "it's", "i'm", "am", "were", "some", "any", "too",
            "much", "than", "about", "make", "made", "get", "got", "one", "don't", "didn't");

    private final CharArraySet stopWords;
    private final Analyzer stemmed = analyzer(true, true);
    private final Analyzer surface = analyzer(false, true);
    private final Analyzer words = analyzer(false, false);

    TextAnalysis() {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stop.addAll(MORE_STOP_WORDS);
        this.stopWords = CharArraySet.unmodifiableSet(stop);
    }

    /** Unigrams and bigrams of the text; stop words are skipped, never part of a pair. */
    List<Term> terms(String text) {
        List<String> keys = run(stemmed, text);
        List<String> shown = run(surface, text);
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < keys.size() && i < shown.size(); i++) {
            if (!keys.get(i).contains(FILLER)) {
                terms.add(new Term(keys.get(i), shown.get(i)));
            }
        }
        return terms;
    }

    /** Lower-cased words in order, stop words kept (negations matter to sentiment). */
    List<String> words(String text) {
        return run(words, text);
    }

    /** Porter stem of one word, as {@link #terms} keys them. */
    String stem(String word) {
        List<String> stems = run(stemmed, word);
        return stems.isEmpty() ? word : stems.getFirst();
    }

    private Analyzer analyzer(boolean stem, boolean shingles) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(new LowerCaseFilter(tokenizer));
                if (!shingles) {
                    return new TokenStreamComponents(tokenizer, stream);
                }
                stream = closeGaps(new StopFilter(stream, stopWords));
                if (stem) {
                    stream = new PorterStemFilter(stream);
                }
                ShingleFilter pairs = new ShingleFilter(stream, 2, 2);
                pairs.setFillerToken(FILLER);
                return new TokenStreamComponents(tokenizer, pairs);
            }
        };
    }

    /** Pairs words across removed stop words: "deliveries were late" gives "deliveries late". */
    private static TokenStream closeGaps(TokenStream input) {
        return new TokenFilter(input) {
            private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

            @Override
            public boolean incrementToken() throws IOException {
                if (!input.incrementToken()) {
                    return false;
                }
                increment.setPositionIncrement(1);
                return true;
            }
        };
    }

    private static List<String> run(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
