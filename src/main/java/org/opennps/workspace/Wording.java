package org.opennps.workspace;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/**
 * The respondent-visible strings of one workspace in one locale: the workspace's own wording
 * where it set one, else the shipped message bundles (English when a language is not shipped).
 * Arguments follow {@link MessageFormat}, so numbers are formatted for the locale.
 */
public final class Wording {

    /** Languages shipped in the bundles; others fall back to English. */
    public static final Set<String> SHIPPED = Set.of("en", "pl", "de", "fr", "es", "it", "nl", "pt", "cs", "sv", "ar");

    private static final Set<String> RTL = Set.of("ar", "he", "fa", "ur");

    private final MessageSource messages;
    private final Locale locale;
    private final Map<String, String> overrides;
    /** Texts without arguments, looked up once: a batch of e-mails asks for the same ones in each. */
    private final Map<String, String> plain = new java.util.concurrent.ConcurrentHashMap<>();

    Wording(MessageSource messages, Locale locale, Map<String, String> overrides) {
        this.messages = messages;
        this.locale = locale;
        this.overrides = Map.copyOf(overrides);
    }

    public Locale locale() {
        return locale;
    }

    /** The language of the shipped texts used: the locale's when shipped, else {@code en}. */
    public String language() {
        return SHIPPED.contains(locale.getLanguage()) ? locale.getLanguage() : "en";
    }

    /** {@code rtl} for right-to-left languages, else {@code ltr}. */
    public String direction() {
        return RTL.contains(locale.getLanguage()) ? "rtl" : "ltr";
    }

    public String text(String key, Object... args) {
        if (args.length == 0) {
            return plain.computeIfAbsent(key, this::lookUp);
        }
        return lookUp(key, args);
    }

    private String lookUp(String key, Object... args) {
        String own = overrides.get(key);
        if (own != null) {
            return args.length == 0 ? own : new MessageFormat(own.replace("'", "''"), locale).format(args);
        }
        try {
            return messages.getMessage(key, args, locale);
        } catch (NoSuchMessageException e) {
            return key;
        }
    }

    /** The text naming the sender, or its {@code .unnamed} variant when the workspace shows no name. */
    public String named(String key, String name) {
        return name == null ? text(key + ".unnamed") : text(key, name);
    }

    /** The text for a count: {@code key.one}, {@code key.few}, {@code key.many} … by the locale's plural rule. */
    public String plural(String key, long count, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = count;
        System.arraycopy(more, 0, args, 1, more.length);
        String category = Plurals.category(Locale.forLanguageTag(language()), count);
        String specific = key + "." + category;
        if (overrides.containsKey(specific) || has(specific)) {
            return text(specific, args);
        }
        return text(key + ".other", args);
    }

    private boolean has(String key) {
        try {
            messages.getMessage(key, null, locale);
            return true;
        } catch (NoSuchMessageException e) {
            return false;
        }
    }
}
