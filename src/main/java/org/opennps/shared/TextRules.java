package org.opennps.shared;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for user-supplied strings that every module shares. */
public final class TextRules {

    private static final Pattern EMAIL =
            Pattern.compile("^[^@\\s\"<>()\\[\\],;:]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final Pattern LOCALE = Pattern.compile("^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8}){0,3}$");

    private TextRules() {}

    /**
     * Whether the text holds control characters (or a lone UTF-16 surrogate, which no database
     * can store); multi-line text may keep tabs and newlines.
     */
    public static boolean hasControlCharacters(String text, boolean multiLine) {
        if (hasLoneSurrogate(text)) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = multiLine && (c == '\n' || c == '\r' || c == '\t');
            if (!allowed && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text holds half of a UTF-16 surrogate pair without the other half. */
    public static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isEmail(String text) {
        return text.length() <= 254 && EMAIL.matcher(text).matches();
    }

    /** Normalises an e-mail address for matching: trimmed and lower-cased. */
    public static String normaliseEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isTimeZone(String text) {
        try {
            ZoneId.of(text);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** A BCP 47 language tag such as {@code en} or {@code pt-BR}, normalised; null if invalid. */
    public static String normaliseLocale(String text) {
        if (!LOCALE.matcher(text).matches()) {
            return null;
        }
        Locale locale = Locale.forLanguageTag(text.replace('_', '-'));
        return locale.getLanguage().isEmpty() ? null : locale.toLanguageTag();
    }
}
