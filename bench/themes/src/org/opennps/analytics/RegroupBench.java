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
 * Re-grouping N stored comments and the dashboard's themes call at that size, on a PostgreSQL
 * database migrated by the application's own migrations. Every generated answer carries a comment
 * of the evaluation set; all N lie within the last 89 days, so the dashboard's default period (90
 * days) holds every one of them.
 *
 * <p>Mode {@code all} (the default) marks every comment as analysed by cues of version 0 with one
 * old theme row, as after a taxonomy change, then runs in one JVM:
 *
 * <ol>
 *   <li>ceiling of the re-grouping: one streamed query reading every comment, each analysed in
 *       memory (themes, and key phrases of those without a theme), nothing written;
 *   <li>the re-grouping after a cue change ({@link ThemeRegrouping#regroup}): every comment
 *       analysed again and its rows replaced, then the remainder grouped;
 *   <li>the grouping step alone: the same call again, with nothing left to analyse again, which is
 *       what the recurring task does every 6 hours;
 *   <li>the dashboard's themes call ({@link ThemeCosts#themes} with the dashboard's default filter,
 *       the last 90 days), RUNS times, against its ceiling: the one grouped query that counts
 *       mentions per theme and category.
 * </ol>
 *
 * <p>Mode {@code grouping} writes the comments as analysed by the current cues (each distinct
 * comment analysed once, its rows copied to every answer that carries it) and runs only steps 3
 * and 4: the figures the recurring task and the dashboard give at size, without the hour the
 * re-analysis of a million comments takes on a loaded machine.
 *
 * <p>Each step prints its time, the peak heap (sum of the heap pools' peaks, reset before the
 * step) and the process's peak resident memory (VmHWM, reset before the step where the kernel
 * allows it), and a {@code RESULT} line to copy.
 */
public class RegroupBench {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int n = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        String mode = args.length > 5 ? args[5] : "all";
        if (!mode.equals("all") && !mode.equals("grouping")) {
            throw new IllegalArgumentException("mode must be all or grouping, not " + mode);
        }
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
            JdbcClient jdbc = JdbcClient.create(ds);
            CommentAnalyser analyser = new CommentAnalyser();
            analyser.analyse("Przesyłka dotarła szybko."); // Polish dictionary loaded before timing
            long t0 = System.nanoTime();
            generate(ds, ws, n, comments);
            if (mode.equals("grouping")) {
                analysedByCurrentCues(ds, comments, analyser);
            } else {
                analysedByOldCues(ds);
            }
            System.out.printf(
                    "generated %,d answers with comments (%s) in %.1f s%n",
                    n,
                    mode.equals("grouping") ? "analysed by the current cues" : "analysed by cues of version 0",
                    seconds(t0));
            ThemeRegrouping regrouping = new ThemeRegrouping(
                    jdbc,
                    new CommentThemes(jdbc, new JdbcTemplate(ds), analyser),
                    analyser,
                    new TransactionTemplate(new DataSourceTransactionManager(ds)),
                    Clock.systemUTC());
            if (mode.equals("all")) {
                long start = System.nanoTime();
                long[] counted = ceiling(ds, ws, analyser);
                double ceiling = seconds(start);
                System.out.printf(
                        "ceiling: read and analyse %,d comments (%,d without a theme), nothing written: %.1f s%n",
                        counted[0], counted[1], ceiling);
                double regroup = step("re-grouping after a cue change", n, () -> regrouping.regroup(ws, () -> false));
                System.out.printf("ceiling / re-grouping = %.2f%n", ceiling / regroup);
            }
            step("grouping step (nothing to analyse again)", n, () -> regrouping.regroup(ws, () -> false));
            dashboardThemes(jdbc, ws, n, runs);
        }
    }

    /** Runs one re-grouping, prints what it did, its time and its peak memory; returns the seconds. */
    static double step(String name, int n, java.util.function.Supplier<ThemeRegrouping.Result> run) throws Exception {
        resetPeaks();
        long start = System.nanoTime();
        ThemeRegrouping.Result result = run.get();
        double took = seconds(start);
        System.out.printf(
                "%s: %,d analysed again, remainder %,d, %d new themes %s: %.1f s, peak heap %.0f MB, peak RSS %s%n",
                name,
                result.reanalysed(),
                result.remainder(),
                result.discovered().size(),
                result.discovered(),
                took,
                peakHeap() / 1e6,
                peakRss());
        System.out.printf(
                "RESULT step=\"%s\" comments=%d seconds=%.1f peak_heap_mb=%.0f peak_rss=\"%s\"%n",
                name, n, took, peakHeap() / 1e6, peakRss());
        return took;
    }

    /**
     * What the dashboard's themes fragment computes ({@code AnalyticsService.themeCosts} with the
     * default period: the last 90 days up to the end of this minute), RUNS times, next to its
     * ceiling, the one grouped count of mentions per theme and category.
     */
    static void dashboardThemes(JdbcClient jdbc, UUID ws, int n, int runs) throws Exception {
        ThemeCosts costs = new ThemeCosts(jdbc);
        java.time.Instant until = java.time.Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                .plusSeconds(60);
        org.springframework.util.MultiValueMap<String, String> params =
                new org.springframework.util.LinkedMultiValueMap<>();
        params.add("since", until.minus(java.time.Duration.ofDays(90)).toString());
        params.add("until", until.toString());
        NpsFilter filter = NpsFilter.read(params, "", java.time.ZoneOffset.UTC);
        double[] report = new double[runs];
        double[] grouped = new double[runs];
        int themes = 0;
        resetPeaks();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            themes = costs.themes(ws, filter, null).size();
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
                "dashboard themes call over %,d answers (%d themes), median of %d: %.3f s (runs %s); ceiling (one"
                        + " grouped count of mentions) %.3f s; ceiling / call = %.2f; peak heap %.0f MB, peak RSS %s%n",
                n,
                themes,
                runs,
                median(report),
                Arrays.toString(Arrays.stream(report).mapToObj(r -> String.format("%.3f", r)).toArray()),
                median(grouped),
                median(grouped) / median(report),
                peakHeap() / 1e6,
                peakRss());
        System.out.printf(
                "RESULT step=\"dashboard themes call\" comments=%d seconds=%.3f peak_heap_mb=%.0f peak_rss=\"%s\"%n",
                n, median(report), peakHeap() / 1e6, peakRss());
    }

    /** Facts with comments, all within the last 89 days, nothing analysed yet. */
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
                      now() - make_interval(secs => i * ?), 0, now(), now()
                    from (select i, mod(i * 7, 11) s from generate_series(1, ?) i) g""")) {
                p.setObject(1, ws);
                p.setArray(2, c.createArrayOf("text", comments.toArray()));
                p.setInt(3, comments.size());
                p.setDouble(4, 89.0 * 86_400 / n); // every answer within the dashboard's 90 days
                p.setInt(5, n);
                p.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("update nps_fact set answered_quarter = cast(extract(epoch from answered_at) as bigint) / 900");
            }
        }
    }

    /** Every comment marked as analysed by version 0 of the cues with one old theme: a cue change. */
    static void analysedByOldCues(HikariDataSource ds) throws Exception {
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("insert into comment_analysis (response_id, workspace_id, language, version)"
                    + " select response_id, workspace_id, 'en', 0 from nps_fact");
            s.executeUpdate("insert into comment_theme (response_id, workspace_id, theme, sentiment)"
                    + " select response_id, workspace_id, 'delivery', 'neutral' from nps_fact");
            s.execute("vacuum analyze");
        }
    }

    /**
     * Every comment with the rows the current cues give it, as if each had been analysed as it
     * arrived: each distinct comment analysed once, its rows joined to every answer that carries it.
     */
    static void analysedByCurrentCues(HikariDataSource ds, List<String> comments, CommentAnalyser analyser)
            throws Exception {
        try (Connection c = ds.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table bench_analysis (comment text not null, language varchar(5) not null,"
                        + " theme varchar(60), sentiment varchar(10))");
            }
            try (PreparedStatement p = c.prepareStatement("insert into bench_analysis values (?, ?, ?, ?)")) {
                for (String comment : new java.util.LinkedHashSet<>(comments)) {
                    CommentAnalyser.Analysis a = analyser.analyse(comment);
                    p.setString(1, comment);
                    p.setString(2, a.language());
                    p.setString(3, null);
                    p.setString(4, null);
                    p.addBatch();
                    for (CommentAnalyser.Mention m : a.mentions()) {
                        p.setString(1, comment);
                        p.setString(2, a.language());
                        p.setString(3, m.theme());
                        p.setString(4, m.sentiment().json());
                        p.addBatch();
                    }
                }
                p.executeBatch();
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("insert into comment_analysis (response_id, workspace_id, language, version)"
                        + " select f.response_id, f.workspace_id, a.language, " + ThemeTaxonomy.VERSION
                        + " from nps_fact f join bench_analysis a on a.comment = f.comment and a.theme is null");
                s.executeUpdate("insert into comment_theme (response_id, workspace_id, theme, sentiment)"
                        + " select f.response_id, f.workspace_id, a.theme, a.sentiment"
                        + " from nps_fact f join bench_analysis a on a.comment = f.comment and a.theme is not null");
                s.execute("drop table bench_analysis");
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
        try {
            // "5" resets the peak resident set size (Linux 4.0+); elsewhere the peak is since start
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            rssSinceStart = false;
        } catch (Exception e) {
            rssSinceStart = true;
        }
    }

    private static boolean rssSinceStart = true;

    /** The process's peak resident memory (VmHWM), "n/a" where /proc is not there. */
    static String peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format("%.0f MB%s", kb / 1e3, rssSinceStart ? " (since start)" : "");
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return "n/a";
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
