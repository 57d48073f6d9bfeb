package org.opennps.analytics;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-grouping N stored comments after a change of the theme cues, and the themes report at that
 * size, on a PostgreSQL database migrated by the application's own migrations.
 *
 * <p>Every generated answer carries a comment of the evaluation set and is marked as analysed by
 * cues of version 0 with one old theme row, as after a taxonomy change. Then, in one JVM:
 *
 * <ol>
 *   <li>ceiling of the re-grouping: one streamed query reading every comment, each analysed in
 *       memory (themes, and key phrases of those without a theme), nothing written;
 *   <li>the re-grouping itself ({@link ThemeRegrouping#regroup}): every comment analysed again and
 *       its rows replaced, then the remainder grouped, with the peak heap;
 *   <li>the themes report ({@link ThemeCosts#themes}, what the dashboard and
 *       {@code GET /api/v1/analytics/themes} answer) over every answer, RUNS times, against its
 *       ceiling: the one grouped query that counts mentions per theme and category.
 * </ol>
 */
public class RegroupBench {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int n = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        List<String> comments = new ArrayList<>();
        for (String file : List.of(args[3], args[4])) {
            for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                if (!line.startsWith("#") && line.contains("\t")) comments.add(line.split("\t", 2)[1]);
            }
        }
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl(url);
            ds.setUsername("postgres");
            ds.setMaximumPoolSize(2);
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            UUID ws = UUID.randomUUID();
            long t0 = System.nanoTime();
            generate(ds, ws, n, comments);
            System.out.printf("generated %,d answers with comments in %.1f s%n", n, seconds(t0));

            JdbcClient jdbc = JdbcClient.create(ds);
            CommentAnalyser analyser = new CommentAnalyser();
            analyser.analyse("Przesyłka dotarła szybko."); // Polish dictionary loaded before timing

            long start = System.nanoTime();
            long[] counted = ceiling(ds, ws, analyser);
            double ceiling = seconds(start);
            System.out.printf(
                    "ceiling: read and analyse %,d comments (%,d without a theme), nothing written: %.1f s%n",
                    counted[0], counted[1], ceiling);

            resetPeaks();
            ThemeRegrouping regrouping = new ThemeRegrouping(
                    jdbc,
                    new CommentThemes(jdbc, new JdbcTemplate(ds), analyser),
                    analyser,
                    new TransactionTemplate(new DataSourceTransactionManager(ds)),
                    Clock.systemUTC());
            start = System.nanoTime();
            ThemeRegrouping.Result result = regrouping.regroup(ws, () -> false);
            double regroup = seconds(start);
            System.out.printf(
                    "re-grouping: %,d analysed again, remainder %,d, %d new themes %s: %.1f s, peak heap %.0f MB;"
                            + " ceiling / re-grouping = %.2f%n",
                    result.reanalysed(),
                    result.remainder(),
                    result.discovered().size(),
                    result.discovered(),
                    regroup,
                    peakHeap() / 1e6,
                    ceiling / regroup);

            ThemeCosts costs = new ThemeCosts(jdbc);
            double[] report = new double[runs];
            double[] grouped = new double[runs];
            int themes = 0;
            for (int i = 0; i < runs; i++) {
                start = System.nanoTime();
                themes = costs.themes(ws, NpsFilter.none(), null).size();
                report[i] = seconds(start);
                start = System.nanoTime();
                jdbc.sql("select t.theme, f.category, count(*) from nps_fact f"
                                + " join comment_theme t on t.response_id = f.response_id"
                                + " where f.workspace_id = ? and f.counted = true group by t.theme, f.category")
                        .param(ws)
                        .query()
                        .listOfRows();
                grouped[i] = seconds(start);
            }
            System.out.printf(
                    "themes report over %,d answers (%d themes), median of %d: %.3f s; ceiling (one grouped"
                            + " count of mentions) %.3f s; ceiling / report = %.2f%n",
                    n, themes, runs, median(report), median(grouped), median(grouped) / median(report));
        }
    }

    /** Facts with comments, each marked as analysed by version 0 of the cues with one old theme. */
    static void generate(HikariDataSource ds, UUID ws, int n, List<String> comments) throws Exception {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement p = c.prepareStatement(
                    "insert into workspace (id, slug, name, public_key, time_zone, settings, created_at)"
                            + " values (?, 'bench', 'bench', ?, 'UTC', '{}', now())")) {
                p.setObject(1, ws);
                p.setString(2, "pk-" + ws);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement(
                    """
                    insert into nps_fact (response_id, workspace_id, channel, score, category, confirmed, counted,
                      comment, answered_at, answered_quarter, updated_at, completed_at)
                    select gen_random_uuid(), ?, 'email', s, case when s >= 9 then 'promoter' when s >= 7 then 'passive'
                      else 'detractor' end, true, true, (?::text[])[1 + mod(i, ?)],
                      now() - make_interval(secs => i * 30), 0, now(), now()
                    from (select i, mod(i * 7, 11) s from generate_series(1, ?) i) g""")) {
                p.setObject(1, ws);
                p.setArray(2, c.createArrayOf("text", comments.toArray()));
                p.setInt(3, comments.size());
                p.setInt(4, n);
                p.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("update nps_fact set answered_quarter = cast(extract(epoch from answered_at) as bigint) / 900");
                s.executeUpdate("insert into comment_analysis (response_id, workspace_id, language, version)"
                        + " select response_id, workspace_id, 'en', 0 from nps_fact");
                s.executeUpdate("insert into comment_theme (response_id, workspace_id, theme, sentiment)"
                        + " select response_id, workspace_id, 'delivery', 'neutral' from nps_fact");
                s.execute("vacuum analyze");
            }
        }
    }

    /** Reads every comment once and analyses it as the re-grouping does, writing nothing. */
    static long[] ceiling(HikariDataSource ds, UUID ws, CommentAnalyser analyser) throws Exception {
        long all = 0;
        long unmatched = 0;
        Map<String, int[]> phrases = new HashMap<>();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false); // streams with a fetch size
            try (PreparedStatement p = c.prepareStatement(
                    "select response_id, comment from nps_fact where workspace_id = ? and comment is not null")) {
                p.setFetchSize(2000);
                p.setObject(1, ws);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        String comment = rs.getString(2);
                        all++;
                        if (analyser.analyse(comment).mentions().isEmpty()) {
                            unmatched++;
                            for (CommentAnalyser.KeyPhrase k : analyser.keyPhrases(comment)) {
                                phrases.computeIfAbsent(k.key(), x -> new int[1])[0]++;
                            }
                        }
                    }
                }
            }
            c.commit();
        }
        return new long[] {all, unmatched};
    }

    static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
