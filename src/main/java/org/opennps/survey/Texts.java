package org.opennps.survey;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A text shown to respondents: either one text for every locale (key {@link #ANY}) or texts per
 * language tag, resolved with fallback.
 */
public record Texts(Map<String, String> byLocale) {

    /** Key of a text that is the same in every locale. */
    public static final String ANY = "";

    public Texts {
        if (byLocale == null || byLocale.isEmpty()) {
            throw new IllegalArgumentException("A text needs at least one value");
        }
        byLocale = Collections.unmodifiableMap(new LinkedHashMap<>(byLocale));
    }

    public static Texts of(String text) {
        return new Texts(Map.of(ANY, text));
    }

    /** As written: a plain string, or an object of locale → text. */
    @JsonValue
    public Object json() {
        return byLocale.size() == 1 && byLocale.containsKey(ANY) ? byLocale.get(ANY) : byLocale;
    }

    /** Whether a text exists for this locale or its language. */
    public boolean supports(String locale) {
        return locale != null && (byLocale.containsKey(ANY) || lookup(locale) != null);
    }

    /** The text for the locale, else its language, else the first one given. */
    public String resolve(String locale) {
        if (byLocale.containsKey(ANY)) {
            return byLocale.get(ANY);
        }
        String found = locale == null ? null : lookup(locale);
        return found != null ? found : byLocale.values().iterator().next();
    }

    /** The first locale the texts are written in, or null for a locale-free text. */
    public String firstLocale() {
        String first = byLocale.keySet().iterator().next();
        return first.equals(ANY) ? null : first;
    }

    private String lookup(String locale) {
        String exact = byLocale.get(locale);
        if (exact != null) {
            return exact;
        }
        String language = Locale.forLanguageTag(locale).getLanguage();
        String byLanguage = byLocale.get(language);
        if (byLanguage != null) {
            return byLanguage;
        }
        return byLocale.entrySet().stream()
                .filter(e -> Locale.forLanguageTag(e.getKey()).getLanguage().equals(language))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }
}
