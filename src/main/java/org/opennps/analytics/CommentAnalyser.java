package org.opennps.analytics;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import morfologik.stemming.WordData;
import morfologik.stemming.polish.PolishStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Finds the themes of one comment and whether each is praised or criticised, in English and
 * Polish. Steps, all explainable from the comment itself:
 *
 * <ol>
 *   <li>language: Polish letters and Polish function words against English ones;
 *   <li>words with their comparable forms: the English (Porter 2) stem, or every Polish lemma the
 *       Morfologik dictionary knows, all without diacritics (people often type "opoznienie");
 *   <li>clauses: split at sentence marks, commas and contrasting words ("but", "ale", "tylko");
 *   <li>theme cues of {@link ThemeTaxonomy}, longest first, each word used by one cue only;
 *   <li>opinion words of {@link OpinionWords} on the words left, flipped by a negation up to
 *       three words before; each theme in a clause takes the opinions of that clause weighted by
 *       closeness (an opinion next to the cue counts most), its own cue's polarity counting most;
 *       a clause without opinion borrows the sentence's, then the comment's.
 * </ol>
 *
 * Thread-safe; the Polish dictionary is loaded on first use of Polish, off the start-up path.
 */
@org.springframework.stereotype.Component
final class CommentAnalyser {

    /** Combining marks, dropped by {@link #plain}; first, as static initialisers below use it. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    enum Sentiment {
        POSITIVE,
        NEGATIVE,
        MIXED,
        NEUTRAL;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Sentiment of(int praise, int complaints) {
            if (praise > 0 && complaints > 0) return MIXED;
            if (praise > 0) return POSITIVE;
            if (complaints > 0) return NEGATIVE;
            return NEUTRAL;
        }
    }

    record Mention(String theme, Sentiment sentiment) {}

    /** {@code opinion}: the comment's opinion words summed (negations flipped), its overall leaning. */
    record Analysis(String language, List<Mention> mentions, double opinion) {
        Sentiment sentimentOf(String theme) {
            return mentions.stream()
                    .filter(m -> m.theme().equals(theme))
                    .map(Mention::sentiment)
                    .findFirst()
                    .orElse(null);
        }
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['-][\\p{L}\\p{N}]+)*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;\\n]+");
    private static final Pattern CLAUSE_END = Pattern.compile("[,:()\\u2013\\u2014]|\\s-\\s");
    private static final Set<String> ENGLISH_CONTRAST =
            Set.of("but", "however", "although", "though", "yet", "whereas", "while", "except", "apart");
    private static final Set<String> POLISH_CONTRAST =
            Set.of("ale", "lecz", "jednak", "jednakże", "chociaż", "choć", "natomiast", "niestety");
    private static final Set<String> POLISH_MARKERS = Set.of(
            "nie",
            "jest",
            "się",
            "że",
            "na",
            "do",
            "bardzo",
            "ale",
            "był",
            "była",
            "było",
            "jak",
            "po",
            "za",
            "od",
            "mi",
            "mnie",
            "już",
            "też",
            "tylko",
            "przez",
            "czy",
            "tak",
            "co",
            "dla",
            "przy",
            "sklep",
            "dostawa",
            "jestem",
            "są",
            "wszystko",
            "ze",
            "mój",
            "moja",
            "nic",
            "jeszcze",
            "dni");
    private static final Set<String> ENGLISH_MARKERS = Set.of(
            "the",
            "and",
            "is",
            "was",
            "it",
            "of",
            "my",
            "for",
            "but",
            "not",
            "with",
            "very",
            "this",
            "that",
            "in",
            "they",
            "were",
            "have",
            "has",
            "be",
            "are",
            "you",
            "your",
            "me",
            "so",
            "at",
            "would",
            "from",
            "just",
            "all",
            "great",
            "good",
            "delivery",
            "shop",
            "order",
            "i'm",
            "it's",
            "too");
    private static final int NEGATION_REACH = 3;

    private final Lexicon english;
    private volatile Lexicon polish;
    private final ThreadLocal<PolishStemmer> polishStemmer = ThreadLocal.withInitial(PolishStemmer::new);

    CommentAnalyser() {
        this.english = new Lexicon("en");
    }

    Analysis analyse(String text) {
        if (text == null || text.isBlank()) {
            return new Analysis("en", List.of(), 0);
        }
        String language = language(text);
        if (language == null) {
            // no sign of either language: whichever finds more themes
            Analysis en = analyse(text, "en");
            Analysis pl = analyse(text, "pl");
            return pl.mentions().size() > en.mentions().size() ? pl : en;
        }
        return analyse(text, language);
    }

    private Analysis analyse(String text, String language) {
        Lexicon lexicon = lexicon(language);
        List<List<List<Token>>> sentences = clauses(text, language);
        double commentScore = 0;
        List<List<double[]>> sentenceScores = new ArrayList<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<ClauseResult> results = new ArrayList<>();
        for (List<List<Token>> sentence : sentences) {
            double sentenceScore = 0;
            List<ClauseResult> inSentence = new ArrayList<>();
            for (List<Token> clause : sentence) {
                ClauseResult r = lexicon.clause(clause);
                sentenceScore += r.opinion;
                inSentence.add(r);
            }
            for (ClauseResult r : inSentence) {
                r.sentence = sentenceScore;
            }
            commentScore += sentenceScore;
            results.addAll(inSentence);
        }
        for (ClauseResult r : results) {
            for (Map.Entry<String, Double> e : r.themes.entrySet()) {
                double s = e.getValue();
                if (s == 0) s = r.sentence;
                if (s == 0) s = commentScore;
                int[] c = counts.computeIfAbsent(e.getKey(), k -> new int[2]);
                if (s > 0) c[0]++;
                else if (s < 0) c[1]++;
            }
        }
        List<Mention> mentions = counts.entrySet().stream()
                .sorted(Comparator.comparing(e -> ThemeTaxonomy.ORDER.getOrDefault(e.getKey(), 99)))
                .map(e -> new Mention(e.getKey(), Sentiment.of(e.getValue()[0], e.getValue()[1])))
                .toList();
        return new Analysis(language, mentions, commentScore);
    }

    /** The overall leaning of a comment, for themes found without cues. */
    Sentiment opinion(String text) {
        double o = analyse(text).opinion();
        return o > 0 ? Sentiment.POSITIVE : o < 0 ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
    }

    /** A key phrase for grouping: the comparable {@code key} (stems or lemmas), its written form. */
    record KeyPhrase(String key, String surface) {}

    private static final Set<String> STOP = Set.of(
            "the",
            "and",
            "was",
            "were",
            "are",
            "for",
            "but",
            "not",
            "with",
            "this",
            "that",
            "they",
            "have",
            "has",
            "had",
            "you",
            "your",
            "our",
            "his",
            "her",
            "its",
            "it's",
            "i'm",
            "from",
            "just",
            "all",
            "very",
            "would",
            "could",
            "should",
            "will",
            "there",
            "their",
            "them",
            "what",
            "when",
            "which",
            "who",
            "been",
            "being",
            "also",
            "too",
            "than",
            "then",
            "some",
            "any",
            "can",
            "did",
            "does",
            "don't",
            "didn't",
            "about",
            "more",
            "much",
            "really",
            "only",
            "get",
            "got",
            "one",
            "out",
            // how often or how long, not what about: "every week", "each time", "this month"
            "every",
            "each",
            "time",
            "times",
            "day",
            "days",
            "week",
            "weeks",
            "month",
            "months",
            "year",
            "years",
            "please",
            "thanks",
            "thank",
            "jest",
            "się",
            "nie",
            "był",
            "była",
            "było",
            "byli",
            "być",
            "bardzo",
            "ale",
            "tak",
            "jak",
            "już",
            "też",
            "tylko",
            "przez",
            "czy",
            "dla",
            "przy",
            "jestem",
            "są",
            "wszystko",
            "mój",
            "moja",
            "moje",
            "nic",
            "jeszcze",
            "że",
            "żeby",
            "ten",
            "ta",
            "to",
            "te",
            "tego",
            "tej",
            "tym",
            "który",
            "która",
            "które",
            "mnie",
            "mam",
            "można",
            "proszę",
            "dziękuję",
            "oraz",
            "lub",
            "gdy",
            "kiedy",
            "bo",
            "więc",
            "każdy",
            "każdym",
            "każda",
            "każde",
            "każdego",
            "raz",
            "razem",
            "razy",
            "dzień",
            "dnia",
            "dni",
            "dniach",
            "tydzień",
            "tygodnia",
            "tygodniu",
            "tygodnie",
            "tygodni",
            "miesiąc",
            "miesiąca",
            "miesiącu",
            "miesiące",
            "miesięcy",
            "rok",
            "roku",
            "lat",
            // words of nearly every shop comment, which name no theme by themselves
            "order",
            "ordered",
            "orders",
            "item",
            "items",
            "thing",
            "things",
            "add",
            "within",
            "went",
            "dużo",
            "dodajcie",
            "zamówienie",
            "zamówiłem",
            "zamówiłam");

    /** The stop words as tokens are compared: lower case, without diacritics ("się" is "sie"). */
    private static final Set<String> STOP_PLAIN =
            STOP.stream().map(CommentAnalyser::plain).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * Word pairs and single words of a comment that carry meaning (no stop words, three letters
     * at least), as stems or lemmas: what the re-grouping counts to find themes no cue names.
     */
    List<KeyPhrase> keyPhrases(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String language = analyse(text).language();
        List<KeyPhrase> out = new ArrayList<>();
        for (List<List<Token>> sentence : clauses(text, language)) {
            for (List<Token> clause : sentence) {
                Token previous = null;
                for (Token t : clause) {
                    if (t.word().length() < 3
                            || STOP_PLAIN.contains(t.word())
                            || t.word().chars().allMatch(Character::isDigit)) {
                        previous = null;
                        continue;
                    }
                    String key = key(t, language);
                    out.add(new KeyPhrase(key, t.written()));
                    if (previous != null) {
                        out.add(new KeyPhrase(
                                key(previous, language) + " " + key, previous.written() + " " + t.written()));
                    }
                    previous = t;
                }
            }
        }
        return out;
    }

    private String key(Token t, String language) {
        if (!"pl".equals(language)) {
            return englishStem(t.word());
        }
        return t.forms().stream()
                .filter(f -> !f.equals(t.word()))
                .sorted()
                .findFirst()
                .orElse(t.word());
    }

    /** "pl" when Polish letters and words outweigh English ones, "en" the other way, else null. */
    static String language(String text) {
        int pl = 0;
        int en = 0;
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (w.chars().anyMatch(ch -> "ąćęłńóśźż".indexOf(ch) >= 0)) pl += 2;
            if (POLISH_MARKERS.contains(w)) pl++;
            if (ENGLISH_MARKERS.contains(w)) en++;
        }
        return pl > en ? "pl" : en > pl ? "en" : null;
    }

    private Lexicon lexicon(String language) {
        if (!"pl".equals(language)) {
            return english;
        }
        Lexicon l = polish;
        if (l == null) {
            synchronized (this) {
                if (polish == null) {
                    polish = new Lexicon("pl");
                }
                l = polish;
            }
        }
        return l;
    }

    /** Sentences of clauses of tokens. */
    private List<List<List<Token>>> clauses(String text, String language) {
        Set<String> contrast = "pl".equals(language) ? POLISH_CONTRAST : ENGLISH_CONTRAST;
        List<List<List<Token>>> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text.replace('’', '\''))) {
            List<List<Token>> clauses = new ArrayList<>();
            for (String part : CLAUSE_END.split(sentence)) {
                List<Token> clause = new ArrayList<>();
                Matcher m = WORD.matcher(part.toLowerCase(Locale.ROOT));
                while (m.find()) {
                    String w = m.group();
                    if (contrast.contains(w) && !clause.isEmpty()) {
                        clauses.add(clause);
                        clause = new ArrayList<>();
                    }
                    clause.add(token(w, language));
                }
                if (!clause.isEmpty()) clauses.add(clause);
            }
            if (!clauses.isEmpty()) sentences.add(clauses);
        }
        return sentences;
    }

    private Set<String> polishLemmas(String word) {
        Set<String> lemmas = new HashSet<>();
        for (WordData d : polishStemmer.get().lookup(word)) {
            if (d.getStem() != null) {
                lemmas.add(plain(d.getStem().toString().toLowerCase(Locale.ROOT)));
            }
        }
        return lemmas;
    }

    private Token token(String word, String language) {
        Set<String> forms = new HashSet<>(4);
        forms.add(plain(word));
        if ("pl".equals(language)) {
            forms.addAll(polishLemmas(word));
        } else {
            forms.add(englishStem(word));
        }
        return new Token(plain(word), forms, word);
    }

    private static String englishStem(String word) {
        EnglishStemmer stemmer = new EnglishStemmer();
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /** Lower case without diacritics; "ł" is not a combining mark, so it is mapped by hand. */
    static String plain(String word) {
        String s = Normalizer.normalize(word.replace('ł', 'l').replace('Ł', 'l'), Normalizer.Form.NFD);
        return MARKS.matcher(s).replaceAll("");
    }

    /** {@code word} as compared (lower case, no diacritics), its {@code forms}, as {@code written}. */
    private record Token(String word, Set<String> forms, String written) {}

    /** A cue or opinion phrase, its words as comparable forms, its theme (null: only an opinion). */
    private record Phrase(String theme, List<Set<String>> words, int polarity, boolean weak) {}

    private static final class ClauseResult {
        double opinion;
        double sentence;
        final Map<String, Double> themes = new LinkedHashMap<>();
    }

    private record Hit(Phrase phrase, int first, int last) {}

    /** The cues and opinion words of one language, as comparable forms. */
    private final class Lexicon {

        private final List<Phrase> cues = new ArrayList<>();
        private final List<Phrase> weakCues = new ArrayList<>();
        private final List<Phrase> opinions = new ArrayList<>();
        private final Set<String> negations = new HashSet<>();
        private final String language;
        /** Per phrase list, which phrases a token's form can start: only those are tried on a clause. */
        private final Map<List<Phrase>, Map<String, List<Integer>>> firstWords = new java.util.IdentityHashMap<>();

        Lexicon(String language) {
            this.language = language;
            boolean pl = "pl".equals(language);
            for (ThemeTaxonomy.Theme t : ThemeTaxonomy.THEMES) {
                for (ThemeTaxonomy.Cue c : pl ? t.polish() : t.english()) {
                    (c.weak() ? weakCues : cues).add(new Phrase(t.id(), forms(c.words()), c.polarity(), c.weak()));
                }
            }
            (pl ? OpinionWords.POLISH_POSITIVE : OpinionWords.ENGLISH_POSITIVE)
                    .forEach(w -> opinions.add(new Phrase(null, forms(List.of(w.split(" "))), 1, false)));
            (pl ? OpinionWords.POLISH_NEGATIVE : OpinionWords.ENGLISH_NEGATIVE)
                    .forEach(w -> opinions.add(new Phrase(null, forms(List.of(w.split(" "))), -1, false)));
            // longest phrases first, so "shipping cost" wins over "shipping" and "cost"
            Comparator<Phrase> longestFirst =
                    Comparator.comparingInt(p -> -p.words().size());
            cues.sort(longestFirst);
            weakCues.sort(longestFirst);
            opinions.sort(longestFirst);
            (pl ? OpinionWords.POLISH_NEGATIONS : OpinionWords.ENGLISH_NEGATIONS).forEach(w -> negations.add(plain(w)));
            for (List<Phrase> phrases : List.of(cues, weakCues, opinions)) {
                firstWords.put(phrases, firstWordIndex(phrases));
            }
        }

        /** The phrases of a list by each form of their first word, as positions in the list. */
        private static Map<String, List<Integer>> firstWordIndex(List<Phrase> phrases) {
            Map<String, List<Integer>> index = new HashMap<>();
            for (int k = 0; k < phrases.size(); k++) {
                for (String form : phrases.get(k).words().getFirst()) {
                    index.computeIfAbsent(form, f -> new ArrayList<>()).add(k);
                }
            }
            return index;
        }

        /** A cue word's forms: its stem (English) or its lemmas (Polish); matching needs one in common. */
        private List<Set<String>> forms(List<String> words) {
            return words.stream()
                    .map(w -> {
                        String word = w.toLowerCase(Locale.ROOT);
                        if (!"pl".equals(language)) {
                            return Set.of(englishStem(word));
                        }
                        // a cue written as a lemma is that lemma ("trwały" is not also "trwać")
                        Set<String> f = new HashSet<>(token(word, language).forms());
                        return f.size() > 1 && polishLemmas(word).contains(plain(word)) ? Set.of(plain(word)) : f;
                    })
                    .toList();
        }

        ClauseResult clause(List<Token> tokens) {
            boolean[] used = new boolean[tokens.size()];
            List<Hit> themeHits = find(cues, tokens, used);
            if (themeHits.isEmpty()) {
                // garments, "arrived", "helpful": a theme only when nothing more specific is named
                themeHits = find(weakCues, tokens, used);
            }
            List<Hit> opinionHits = find(opinions, tokens, used);
            ClauseResult r = new ClauseResult();
            List<double[]> polar = new ArrayList<>(); // position, signed polarity
            for (Hit h : themeHits) {
                if (h.phrase().polarity() != 0) {
                    polar.add(new double[] {h.first(), h.phrase().polarity() * sign(tokens, h)});
                }
            }
            for (Hit h : opinionHits) {
                polar.add(new double[] {h.first(), h.phrase().polarity() * sign(tokens, h)});
            }
            // a negation with no opinion word after it complains: "never arrived", "nikt nie odbiera"
            for (int i = 0; i < tokens.size(); i++) {
                if (!used[i] && negation(tokens.get(i).word()) && !opinionWithin(polar, i)) {
                    polar.add(new double[] {i, -1});
                }
            }
            for (double[] p : polar) {
                r.opinion += p[1];
            }
            for (Hit h : themeHits) {
                double s = 0;
                for (double[] p : polar) {
                    double distance = p[0] >= h.first() && p[0] <= h.last()
                            ? 0
                            : Math.min(Math.abs(p[0] - h.first()), Math.abs(p[0] - h.last()));
                    s += p[1] / (1 + distance);
                }
                r.themes.merge(h.phrase().theme(), s, Double::sum);
            }
            return r;
        }

        private boolean negation(String w) {
            return negations.contains(w) || w.endsWith("n't");
        }

        private boolean opinionWithin(List<double[]> polar, int i) {
            for (double[] p : polar) {
                if (p[0] > i && p[0] <= i + NEGATION_REACH) {
                    return true;
                }
            }
            return false;
        }

        /** −1 when a negation stands within three words before the phrase (and outside it). */
        private int sign(List<Token> tokens, Hit h) {
            for (int i = Math.max(0, h.first() - NEGATION_REACH); i < h.first(); i++) {
                if (negation(tokens.get(i).word())) {
                    return -1;
                }
            }
            return 1;
        }

        /** Matches of the phrases on unused tokens; a two- or three-word phrase within a window of four. */
        private List<Hit> find(List<Phrase> phrases, List<Token> tokens, boolean[] used) {
            List<Hit> hits = new ArrayList<>();
            // the phrases whose first word some token matches, tried in the list's order as before
            java.util.BitSet candidates = new java.util.BitSet(phrases.size());
            Map<String, List<Integer>> index = firstWords.get(phrases);
            for (Token t : tokens) {
                for (String form : t.forms()) {
                    List<Integer> starting = index.get(form);
                    if (starting != null) {
                        starting.forEach(candidates::set);
                    }
                }
            }
            for (int k = candidates.nextSetBit(0); k >= 0; k = candidates.nextSetBit(k + 1)) {
                Phrase p = phrases.get(k);
                for (int i = 0; i < tokens.size(); i++) {
                    if (used[i] || !matches(tokens.get(i), p.words().getFirst())) {
                        continue;
                    }
                    int[] at = new int[p.words().size()];
                    at[0] = i;
                    if (p.words().size() == 1 || rest(p, tokens, used, at)) {
                        int first = i;
                        int last = i;
                        for (int a : at) {
                            used[a] = true;
                            first = Math.min(first, a);
                            last = Math.max(last, a);
                        }
                        hits.add(new Hit(p, first, last));
                    }
                }
            }
            return hits;
        }

        /** The other words of a phrase around the first one, in any order, within four words. */
        private boolean rest(Phrase p, List<Token> tokens, boolean[] used, int[] at) {
            int i = at[0];
            for (int k = 1; k < p.words().size(); k++) {
                int found = -1;
                for (int j = Math.max(0, i - 4); j <= Math.min(tokens.size() - 1, i + 4); j++) {
                    boolean taken = used[j];
                    for (int a = 0; a < k; a++) taken |= at[a] == j;
                    if (!taken && matches(tokens.get(j), p.words().get(k))) {
                        found = j;
                        break;
                    }
                }
                if (found < 0) {
                    return false;
                }
                at[k] = found;
            }
            return true;
        }

        private boolean matches(Token token, Set<String> forms) {
            for (String f : forms) {
                if (token.forms().contains(f)) {
                    return true;
                }
            }
            return false;
        }
    }
}
