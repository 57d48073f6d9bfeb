package org.opennps.analytics;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.opennps.shared.SqlTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The full re-grouping of a workspace's comments, run by a durable background task and never
 * on a request: first every comment analysed by older cues is analysed again (2,000 per
 * transaction), then the comments no fixed theme matched are grouped by their most frequent key
 * phrase (word pairs weigh double), greedily: the phrase in most remaining comments becomes a
 * theme ("new:" and its stems) and takes those comments, up to {@link #MAX_NEW} themes of at least
 * {@link #MIN_COMMENTS} comments (and 0.5 % of the remainder). The same comments always give the
 * same themes; a new comment naming such a phrase joins its theme as it arrives.
 */
@Service
class ThemeRegrouping {

    static final int BATCH = 2000;
    static final int MAX_NEW = 8;
    static final int MIN_COMMENTS = 3;

    private static final Logger log = LoggerFactory.getLogger(ThemeRegrouping.class);

    record Result(long reanalysed, int remainder, List<String> discovered) {}

    private final JdbcClient jdbc;
    private final CommentThemes themes;
    private final CommentAnalyser analyser;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ThemeRegrouping(
            JdbcClient jdbc,
            CommentThemes themes,
            CommentAnalyser analyser,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.themes = themes;
        this.analyser = analyser;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Workspaces with comments, for the recurring task. */
    List<UUID> workspaces() {
        return jdbc.sql("select distinct workspace_id from nps_fact where comment is not null")
                .query(UUID.class)
                .list();
    }

    Result regroup(UUID ws, BooleanSupplier stop) {
        long reanalysed = 0;
        // keyset pages in response id order: each page starts where the last ended, so a page
        // costs the same at the end of a million comments as at the start
        UUID after = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
        boolean first = true;
        while (true) {
            if (stop.getAsBoolean()) {
                throw new IllegalStateException("stopped: the re-grouping continues on the next run");
            }
            List<CommentThemes.Comment> batch = jdbc.sql(
                            """
                            select f.response_id, f.comment from nps_fact f
                            left join comment_analysis a on a.response_id = f.response_id
                            where f.workspace_id = :ws and f.comment is not null
                              and (a.response_id is null or a.version < :version)""" + (first ? "" : " and f.response_id > :after") + " order by f.response_id limit :batch")
                    .param("ws", ws)
                    .param("version", ThemeTaxonomy.VERSION)
                    .param("after", after)
                    .param("batch", BATCH)
                    .query((rs, i) -> new CommentThemes.Comment(rs.getObject(1, UUID.class), rs.getString(2)))
                    .list();
            if (batch.isEmpty()) {
                break;
            }
            transactions.executeWithoutResult(tx -> themes.storeAll(ws, batch));
            reanalysed += batch.size();
            after = batch.getLast().responseId();
            first = false;
        }
        if (reanalysed > 0) {
            log.info("Analysed {} comments of workspace {} again with the current theme cues", reanalysed, ws);
        }
        return discover(ws, reanalysed);
    }

    private Result discover(UUID ws, long reanalysed) {
        List<CommentThemes.Comment> remainder = jdbc.sql("""
                        select f.response_id, f.comment from nps_fact f
                        where f.workspace_id = :ws and f.comment is not null
                          and not exists (select 1 from comment_theme t where t.response_id = f.response_id
                                          and t.theme not like 'new:%')
                        order by f.response_id""")
                .param("ws", ws)
                .query((rs, i) -> new CommentThemes.Comment(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        // comments per phrase as growing int arrays: a few bytes per mention, not a boxed set entry
        Map<String, Postings> docs = new HashMap<>();
        Map<String, Map<String, Integer>> surfaces = new HashMap<>();
        for (int i = 0; i < remainder.size(); i++) {
            for (CommentAnalyser.KeyPhrase k :
                    analyser.keyPhrases(remainder.get(i).text())) {
                docs.computeIfAbsent(k.key(), x -> new Postings()).add(i);
                surfaces.computeIfAbsent(k.key(), x -> new HashMap<>()).merge(k.surface(), 1, Integer::sum);
            }
        }
        int least = Math.max(MIN_COMMENTS, (int) Math.ceil(remainder.size() * 0.005));
        BitSet taken = new BitSet(remainder.size());
        Map<String, List<Integer>> found = new LinkedHashMap<>();
        while (found.size() < MAX_NEW) {
            String best = null;
            int bestWeight = 0;
            int bestCount = 0;
            for (Map.Entry<String, Postings> e : docs.entrySet()) {
                if (e.getValue().size < least) {
                    continue;
                }
                int count = e.getValue().countNot(taken);
                int weight = count * (e.getKey().indexOf(' ') > 0 ? 2 : 1);
                if (count >= least
                        && (weight > bestWeight
                                || weight == bestWeight
                                        && best != null
                                        && e.getKey().compareTo(best) < 0)) {
                    best = e.getKey();
                    bestWeight = weight;
                    bestCount = count;
                }
            }
            if (best == null || bestCount < least) {
                break;
            }
            List<Integer> members = docs.get(best).without(taken);
            members.forEach(taken::set);
            found.put(best, members);
        }
        String[] labels = new String[found.size()];
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("delete from comment_theme where workspace_id = ? and theme like 'new:%'")
                    .param(ws)
                    .update();
            jdbc.sql("delete from discovered_theme where workspace_id = ?")
                    .param(ws)
                    .update();
            int n = 0;
            for (Map.Entry<String, List<Integer>> e : found.entrySet()) {
                String id = id(e.getKey());
                String label = surfaces.get(e.getKey()).entrySet().stream()
                        .max(Map.Entry.<String, Integer>comparingByValue()
                                .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                        .orElseThrow()
                        .getKey();
                labels[n++] = label;
                String language = CommentAnalyser.language(label);
                jdbc.sql("insert into discovered_theme (workspace_id, theme, label, language, found_at)"
                                + " values (?, ?, ?, ?, ?)")
                        .params(ws, id, label, language == null ? "en" : language, SqlTimes.param(clock.instant()))
                        .update();
                themes.tagAll(ws, id, e.getValue().stream().map(remainder::get).toList());
            }
        });
        List<String> discovered = new ArrayList<>(List.of(labels));
        if (!discovered.isEmpty()) {
            log.info(
                    "Found {} new themes in {} unmatched comments of workspace {}",
                    discovered.size(),
                    remainder.size(),
                    ws);
        }
        return new Result(reanalysed, remainder.size(), discovered);
    }

    /** The comments (their indexes in the remainder, ascending) that name one phrase. */
    private static final class Postings {
        private int[] ids = new int[4];
        private int size;

        void add(int id) {
            // a phrase repeated in one comment counts once
            if (size > 0 && ids[size - 1] == id) {
                return;
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }

        int countNot(BitSet taken) {
            int count = 0;
            for (int i = 0; i < size; i++) {
                if (!taken.get(ids[i])) count++;
            }
            return count;
        }

        List<Integer> without(BitSet taken) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                if (!taken.get(ids[i])) out.add(ids[i]);
            }
            return out;
        }
    }

    static String id(String key) {
        String id = "new:" + key.replace(' ', '-');
        return id.length() > 60 ? id.substring(0, 60) : id;
    }
}
