package org.opennps.web;

import java.util.List;

/**
 * The words a filter parameter of an admin page takes ({@code category=passive}). A word that is
 * none of them is refused, not ignored: ignored, it would show the whole list as if it were the
 * filtered one. Absent or blank is no filter, as the forms' "All" choice sends it.
 */
record FilterWords(String parameter, List<String> words) {

    FilterWords {
        words = List.copyOf(words);
    }

    /**
     * The chosen word, or null for none.
     *
     * @throws Unknown for a word that is none of {@link #words()}
     */
    String chosen(String word) {
        if (word == null || word.isBlank()) {
            return null;
        }
        if (!words.contains(word)) {
            throw new Unknown(this, word);
        }
        return word;
    }

    /** A filter word the page does not know; {@link PageErrors} answers it with 400. */
    static final class Unknown extends RuntimeException {

        private final transient FilterWords filter;
        private final String word;

        Unknown(FilterWords filter, String word) {
            super("unknown " + filter.parameter() + " '" + word + "'; one of " + String.join(", ", filter.words()));
            this.filter = filter;
            this.word = word;
        }

        FilterWords filter() {
            return filter;
        }

        String word() {
            return word;
        }
    }
}
