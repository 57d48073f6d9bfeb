package org.opennps.analytics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Comment analysis speed on one thread (one core): comments a second, the time to analyse one
 * comment (what a recorded response adds before its rows are written), and the key-phrase
 * counting of the re-grouping over N comments with the peak heap it needs. Comments are the
 * evaluation set's, repeated.
 */
public class ThemesBench {

    public static void main(String[] args) throws Exception {
        List<String> comments = new ArrayList<>();
        for (String file : List.of(args[0], args[1])) {
            for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                if (!line.startsWith("#") && line.contains("\t")) comments.add(line.split("\t", 2)[1]);
            }
        }
        int regroupSize = Integer.parseInt(args[2]);
        long first = System.nanoTime();
        CommentAnalyser analyser = new CommentAnalyser();
        analyser.analyse("Przesyłka dotarła szybko, dziękuję.");
        // what the lazy loading keeps out of the application's start
        System.out.printf("first Polish comment (loads the Morfologik dictionary): %.0f ms%n",
                (System.nanoTime() - first) / 1e6);
        // warm-up
        for (int i = 0; i < 20_000; i++) analyser.analyse(comments.get(i % comments.size()));

        long[] each = new long[50_000];
        for (int i = 0; i < each.length; i++) {
            long t = System.nanoTime();
            analyser.analyse(comments.get(i % comments.size()));
            each[i] = System.nanoTime() - t;
        }
        Arrays.sort(each);
        long start = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - start < 10_000_000_000L) {
            analyser.analyse(comments.get(n++ % comments.size()));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("analysis, one thread: %.0f comments/s; one comment: median %.1f µs, p99 %.1f µs%n",
                n / seconds, each[each.length / 2] / 1e3, each[each.length * 99 / 100] / 1e3);

        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        start = System.nanoTime();
        // the re-grouping's counting: key phrases of every comment, comments per phrase
        Map<String, int[]> docs = new HashMap<>();
        for (int i = 0; i < regroupSize; i++) {
            String c = comments.get(i % comments.size()) + " #" + (i % 997);
            for (CommentAnalyser.KeyPhrase k : analyser.keyPhrases(c)) {
                docs.computeIfAbsent(k.key(), x -> new int[1])[0]++;
            }
        }
        double regroup = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        System.out.printf("key phrases of %,d comments: %.1f s, %,d phrases, peak heap %.0f MB%n",
                regroupSize, regroup, docs.size(), peak / 1e6);
    }
}
