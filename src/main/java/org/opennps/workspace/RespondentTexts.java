package org.opennps.workspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.TextRules;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The strings respondents and staff e-mails show, from the message bundles under {@code i18n/}
 * and a workspace's own wording ({@code respondent_text}), which wins for its locale, then its
 * language, then every locale ({@code ""}).
 */
@Service
public class RespondentTexts {

    private static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_.-]{0,99}$");
    private static final Pattern LOCALE = Pattern.compile("^$|^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}$");

    private final MessageSource messages;
    private final JdbcClient jdbc;

    RespondentTexts(MessageSource messages, JdbcClient jdbc) {
        this.messages = messages;
        this.jdbc = jdbc;
    }

    /** The wording for a workspace (null: shipped texts only) in a locale (language tag). */
    public Wording wording(UUID workspaceId, String locale) {
        Locale chosen = locale == null || locale.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(locale);
        if (workspaceId == null) {
            return new Wording(messages, chosen, Map.of());
        }
        String language = chosen.getLanguage();
        Map<String, Integer> rank = new HashMap<>();
        rank.put("", 1);
        rank.put(language, 2);
        rank.put(chosen.toLanguageTag(), 3);
        Map<String, String> best = new HashMap<>();
        Map<String, Integer> bestRank = new HashMap<>();
        jdbc.sql("select locale, text_key, text from respondent_text where workspace_id = ? and locale in (?, ?, '')")
                .params(workspaceId, chosen.toLanguageTag(), language)
                .query((rs, n) -> {
                    int r = rank.getOrDefault(rs.getString(1), 0);
                    String key = rs.getString(2);
                    if (r > bestRank.getOrDefault(key, 0)) {
                        bestRank.put(key, r);
                        best.put(key, rs.getString(3));
                    }
                    return null;
                })
                .list();
        return new Wording(messages, chosen, best);
    }

    /** Every override of the workspace, locale → key → text. */
    public Map<String, Map<String, String>> overrides(UUID workspaceId) {
        Map<String, Map<String, String>> all = new TreeMap<>();
        jdbc.sql("select locale, text_key, text from respondent_text where workspace_id = ? order by locale, text_key")
                .param(workspaceId)
                .query((rs, n) -> all.computeIfAbsent(rs.getString(1), l -> new LinkedHashMap<>())
                        .put(rs.getString(2), rs.getString(3)))
                .list();
        return all;
    }

    /** Replaces every override of the workspace (locale → key → text; a blank text removes it). */
    @Transactional
    public Map<String, Map<String, String>> replace(UUID workspaceId, Map<String, Map<String, String>> texts) {
        List<FieldViolation> violations = new ArrayList<>();
        texts.forEach((locale, byKey) -> {
            if (locale == null || !LOCALE.matcher(locale).matches()) {
                violations.add(new FieldViolation(locale, "is not a language tag (or \"\" for every locale)"));
                return;
            }
            byKey.forEach((key, text) -> {
                if (!KEY.matcher(key).matches()) {
                    violations.add(new FieldViolation(locale + "." + key, "is not a text key"));
                } else if (text != null && text.length() > 2000) {
                    violations.add(new FieldViolation(locale + "." + key, "is longer than 2000 characters"));
                } else if (text != null
                        && (TextRules.hasControlCharacters(text, true) || TextRules.hasLoneSurrogate(text))) {
                    violations.add(new FieldViolation(
                            locale + "." + key, "must not hold control characters or lone surrogates"));
                }
            });
        });
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        jdbc.sql("delete from respondent_text where workspace_id = ?")
                .param(workspaceId)
                .update();
        texts.forEach((locale, byKey) -> byKey.forEach((key, text) -> {
            if (text != null && !text.isBlank()) {
                jdbc.sql("insert into respondent_text (workspace_id, locale, text_key, text) values (?, ?, ?, ?)")
                        .params(workspaceId, locale, key, text)
                        .update();
            }
        }));
        return overrides(workspaceId);
    }
}
