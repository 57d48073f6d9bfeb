package org.opennps.analytics;

import java.util.List;
import java.util.UUID;
import org.opennps.response.ResponseThemes;
import org.springframework.stereotype.Component;

/** The stored themes of one response for the response endpoint, labelled in the comment's language. */
@Component
class ResponseThemeSource implements ResponseThemes {

    private final CommentThemes themes;

    ResponseThemeSource(CommentThemes themes) {
        this.themes = themes;
    }

    @Override
    public List<Theme> of(UUID workspaceId, UUID responseId) {
        return themes.of(workspaceId, responseId).stream()
                .map(t -> new Theme(t.theme(), label(t), t.sentiment()))
                .toList();
    }

    private static String label(CommentThemes.Tagged t) {
        return ThemeTaxonomy.find(t.theme())
                .map(theme -> switch (t.sentiment()) {
                    case "positive" -> theme.label(t.language(), 1, 0);
                    case "negative" -> theme.label(t.language(), 0, 1);
                    default -> theme.label(t.language(), 0, 0);
                })
                .orElse(t.label() != null ? t.label() : t.theme());
    }
}
