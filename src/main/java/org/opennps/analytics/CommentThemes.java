package org.opennps.analytics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The themes of each response's comment, in {@code comment_theme}: written as the response is
 * recorded (one analysis of one comment, well under a millisecond, in the projection's
 * transaction), read by the themes report and by {@code GET /api/v1/responses/{id}}.
 */
@Repository
class CommentThemes {

    /** One theme of one response, as the response endpoint shows it. */
    record Tagged(String theme, String sentiment, String language, String label) {}

    /** A response's comment, as {@link #storeNew} takes it. */
    record Comment(UUID responseId, String text) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final CommentAnalyser analyser;

    CommentThemes(JdbcClient jdbc, JdbcTemplate batches, CommentAnalyser analyser) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.analyser = analyser;
    }

    /**
     * {@link #store} for many comments of one workspace, as the re-grouping analyses them again:
     * their stored analyses and themes are replaced with batched statements, one per kind.
     */
    void storeAll(UUID workspaceId, List<Comment> comments) {
        if (comments.isEmpty()) {
            return;
        }
        List<Object[]> ids =
                comments.stream().map(c -> new Object[] {c.responseId()}).toList();
        batches.batchUpdate("delete from comment_theme where response_id = ?", ids);
        batches.batchUpdate("delete from comment_analysis where response_id = ?", ids);
        storeNew(workspaceId, comments);
    }

    /**
     * {@link #store} for responses that have no themes stored yet (their facts were just
     * inserted), in at most three statements whatever their number: the analyses, the
     * workspace's discovered themes when a comment names no fixed one, and the themes.
     */
    void storeNew(UUID workspaceId, List<Comment> comments) {
        List<Object[]> analyses = new ArrayList<>();
        List<Object[]> themes = new ArrayList<>();
        List<String> discovered = null;
        for (Comment c : comments) {
            if (c.text() == null || c.text().isBlank()) {
                continue;
            }
            CommentAnalyser.Analysis analysis = analyser.analyse(c.text());
            analyses.add(new Object[] {c.responseId(), workspaceId, analysis.language(), ThemeTaxonomy.VERSION});
            if (analysis.mentions().isEmpty()) {
                if (discovered == null) {
                    discovered = discovered(workspaceId);
                }
                String theme = discoveredIn(c.text(), discovered);
                if (theme != null) {
                    themes.add(new Object[] {
                        c.responseId(),
                        workspaceId,
                        theme,
                        analyser.opinion(c.text()).json()
                    });
                }
            }
            for (CommentAnalyser.Mention m : analysis.mentions()) {
                themes.add(new Object[] {
                    c.responseId(), workspaceId, m.theme(), m.sentiment().json()
                });
            }
        }
        if (!analyses.isEmpty()) {
            batches.batchUpdate(
                    "insert into comment_analysis (response_id, workspace_id, language, version) values (?, ?, ?, ?)",
                    analyses);
        }
        if (!themes.isEmpty()) {
            batches.batchUpdate(
                    "insert into comment_theme (response_id, workspace_id, theme, sentiment) values (?, ?, ?, ?)",
                    themes);
        }
    }

    /** Tags comments that no fixed theme matched with a theme the re-grouping found. */
    void tagAll(UUID workspaceId, String theme, List<Comment> comments) {
        batches.batchUpdate(
                "insert into comment_theme (response_id, workspace_id, theme, sentiment) values (?, ?, ?, ?)",
                comments.stream()
                        .map(c -> new Object[] {
                            c.responseId(),
                            workspaceId,
                            theme,
                            analyser.opinion(c.text()).json()
                        })
                        .toList());
    }

    private List<String> discovered(UUID workspaceId) {
        return jdbc.sql("select theme from discovered_theme where workspace_id = ? order by theme")
                .param(workspaceId)
                .query(String.class)
                .list();
    }

    /** The first theme discovered by the re-grouping whose phrase the comment names, or null. */
    private String discoveredIn(String comment, List<String> discovered) {
        if (discovered.isEmpty()) {
            return null;
        }
        Set<String> ids = new HashSet<>();
        analyser.keyPhrases(comment).forEach(k -> ids.add(ThemeRegrouping.id(k.key())));
        return discovered.stream().filter(ids::contains).findFirst().orElse(null);
    }

    /** Replaces the stored themes of one response with those of its current comment (none without one). */
    void store(UUID workspaceId, UUID responseId, String comment) {
        jdbc.sql("delete from comment_theme where response_id = ?")
                .param(responseId)
                .update();
        jdbc.sql("delete from comment_analysis where response_id = ?")
                .param(responseId)
                .update();
        if (comment == null || comment.isBlank()) {
            return;
        }
        CommentAnalyser.Analysis analysis = analyser.analyse(comment);
        jdbc.sql("insert into comment_analysis (response_id, workspace_id, language, version) values (?, ?, ?, ?)")
                .params(responseId, workspaceId, analysis.language(), ThemeTaxonomy.VERSION)
                .update();
        if (analysis.mentions().isEmpty()) {
            // no fixed theme: a theme the re-grouping found, when the comment names its phrase
            String theme = discoveredIn(comment, discovered(workspaceId));
            if (theme != null) {
                jdbc.sql("insert into comment_theme (response_id, workspace_id, theme, sentiment) values (?, ?, ?, ?)")
                        .params(
                                responseId,
                                workspaceId,
                                theme,
                                analyser.opinion(comment).json())
                        .update();
            }
        }
        for (CommentAnalyser.Mention m : analysis.mentions()) {
            jdbc.sql("insert into comment_theme (response_id, workspace_id, theme, sentiment) values (?, ?, ?, ?)")
                    .params(responseId, workspaceId, m.theme(), m.sentiment().json())
                    .update();
        }
    }

    /** The themes of one response of the workspace, in the taxonomy's order; empty for another workspace's. */
    List<Tagged> of(UUID workspaceId, UUID responseId) {
        return jdbc
                .sql("""
                        select t.theme, t.sentiment, a.language, d.label from comment_theme t
                        join comment_analysis a on a.response_id = t.response_id
                        left join discovered_theme d on d.workspace_id = t.workspace_id and d.theme = t.theme
                        where t.response_id = ? and t.workspace_id = ?""")
                .params(responseId, workspaceId)
                .query((rs, i) -> new Tagged(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(t -> ThemeTaxonomy.ORDER.getOrDefault(t.theme(), 99)))
                .toList();
    }
}
