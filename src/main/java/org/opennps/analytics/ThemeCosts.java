package org.opennps.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The themes of the counted answers in a filter with what each costs in NPS, from
 * {@code comment_theme} (themes stored as each response was recorded): a handful of grouped
 * queries whatever the number of answers, and one for the examples.
 */
@Service
class ThemeCosts {

    static final int EXAMPLES = 3;
    private static final int CANDIDATES = 20;

    /** Examples are taken from the newest this many commented answers in the filter. */
    static final int RECENT = 5000;

    private final JdbcClient jdbc;

    ThemeCosts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param language "pl" or "en" to keep only comments in that language (and label in it), or null
     */
    List<ThemeCost> themes(UUID ws, NpsFilter filter, String language) {
        Map<String, Object> params = new HashMap<>();
        String where = FactQueries.where(ws, filter, params) + languageClause(language, params);
        Tally total = Tally.EMPTY;
        Tally commented = Tally.EMPTY;
        Map<String, Tally> byArea = new HashMap<>();
        for (Object[] row : jdbc.sql(
                        "select f.category, case when f.comment is null then 0 else 1 end, f.area, count(*)"
                                + " from nps_fact f" + where
                                + " group by f.category, case when f.comment is null then 0 else 1 end, f.area")
                .params(params)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4)})
                .list()) {
            Tally t = Tally.ofCategory((String) row[0], (Long) row[3]);
            total = total.plus(t);
            if ((Integer) row[1] == 1) {
                commented = commented.plus(t);
            }
            byArea.merge(areaKey((String) row[2]), t, Tally::plus);
        }
        Map<String, Tally> mentions = new LinkedHashMap<>();
        Map<String, long[]> opinions = new HashMap<>();
        Map<String, Map<String, Tally>> mentionsByArea = new HashMap<>();
        String join = " from nps_fact f join comment_theme t on t.response_id = f.response_id";
        jdbc.sql("select t.theme, f.category, t.sentiment, f.area, count(*)" + join + where
                        + " group by t.theme, f.category, t.sentiment, f.area")
                .params(params)
                .query(rs -> {
                    String theme = rs.getString(1);
                    Tally t = Tally.ofCategory(rs.getString(2), rs.getLong(5));
                    mentions.merge(theme, t, Tally::plus);
                    mentionsByArea
                            .computeIfAbsent(theme, k -> new HashMap<>())
                            .merge(areaKey(rs.getString(4)), t, Tally::plus);
                    long[] o = opinions.computeIfAbsent(theme, k -> new long[2]);
                    String sentiment = rs.getString(3);
                    if (sentiment.equals("positive") || sentiment.equals("mixed")) o[0] += t.responses();
                    if (sentiment.equals("negative") || sentiment.equals("mixed")) o[1] += t.responses();
                });
        if (mentions.isEmpty()) {
            return List.of();
        }
        Map<String, Picks> examples = examples(where, params, opinions);
        Map<String, String[]> discovered = discovered(ws);
        List<ThemeCost> result = new ArrayList<>();
        for (Map.Entry<String, Tally> e : mentions.entrySet()) {
            String id = e.getKey();
            Tally m = e.getValue();
            long[] o = opinions.getOrDefault(id, new long[2]);
            String label;
            Map<String, String> labels = new LinkedHashMap<>();
            Map<String, String> complaintLabels = new LinkedHashMap<>();
            Map<String, String> praiseLabels = new LinkedHashMap<>();
            String area;
            boolean isNew = !ThemeTaxonomy.ORDER.containsKey(id);
            if (isNew) {
                String[] d = discovered.get(id);
                label = d == null ? id.substring(id.indexOf(':') + 1) : d[0];
                labels.put(d == null ? "en" : d[1], label);
                complaintLabels.putAll(labels);
                praiseLabels.putAll(labels);
                area = "Other";
            } else {
                ThemeTaxonomy.Theme theme = ThemeTaxonomy.find(id).orElseThrow();
                label = theme.label(language, (int) o[0], (int) o[1]);
                for (String l : List.of("en", "pl")) {
                    labels.put(l, theme.label(l, (int) o[0], (int) o[1]));
                    complaintLabels.put(l, theme.label(l, 0, 1));
                    praiseLabels.put(l, theme.label(l, 1, 0));
                }
                area = theme.area();
            }
            String shown = language == null ? "en" : language;
            Picks picks = examples.getOrDefault(id, Picks.NONE);
            List<ThemeCost.AreaImpact> areas = new ArrayList<>();
            Map<String, Tally> inAreas = mentionsByArea.getOrDefault(id, Map.of());
            for (String a : Answers.AREAS) {
                Tally mentioned = inAreas.get(a);
                Tally all = byArea.get(a);
                if (mentioned == null || all == null) continue;
                Tally without = all.minus(mentioned);
                areas.add(new ThemeCost.AreaImpact(
                        a,
                        mentioned.responses(),
                        round(NpsMath.nps(mentioned)),
                        round(NpsMath.nps(without)),
                        impact(mentioned, without)));
            }
            Tally without = total.minus(m);
            double n = total.responses();
            Double ifPassive =
                    n == 0 ? null : round(100.0 * (total.promoters() - total.detractors() + m.detractors()) / n);
            Double gain = n == 0 ? null : round(100.0 * m.detractors() / n);
            Double passiveGap = commented.passives() == 0 || commented.promoters() == 0
                    ? null
                    : round(100.0 * m.passives() / commented.passives()
                            - 100.0 * m.promoters() / commented.promoters());
            Map<String, Long> categories = new LinkedHashMap<>();
            categories.put("promoter", m.promoters());
            categories.put("passive", m.passives());
            categories.put("detractor", m.detractors());
            result.add(new ThemeCost(
                    id,
                    label,
                    labels,
                    area,
                    m.responses(),
                    commented.responses() == 0 ? null : round(100.0 * m.responses() / commented.responses()),
                    categories,
                    round(NpsMath.nps(m)),
                    round(NpsMath.nps(without)),
                    impact(m, without),
                    o[0],
                    o[1],
                    ifPassive,
                    gain,
                    passiveGap,
                    isNew,
                    areas,
                    picks.examples(),
                    new ThemeCost.Side(isNew ? label : complaintLabels.get(shown), complaintLabels, picks.criticised()),
                    new ThemeCost.Side(isNew ? label : praiseLabels.get(shown), praiseLabels, picks.praised())));
        }
        result.sort(Comparator.comparingLong(ThemeCost::responses).reversed().thenComparing(ThemeCost::id));
        return result;
    }

    /** Mentioning against not mentioning: the adjusted-Wald difference, its interval and z test. */
    static ThemeCost.Impact impact(Tally with, Tally without) {
        if (with.responses() == 0 || without.responses() == 0) {
            return new ThemeCost.Impact(null, null, null, false);
        }
        double centre = NpsMath.adjustedNps(with) - NpsMath.adjustedNps(without);
        double se = Math.sqrt(NpsMath.adjustedVariance(with) / (with.responses() + 3.0)
                + NpsMath.adjustedVariance(without) / (without.responses() + 3.0));
        double p = NpsMath.twoSidedP(NpsMath.z(with, without));
        double[] ci = {
            round(Math.max(-200, 100 * (centre - NpsMath.Z95 * se))),
            round(Math.min(200, 100 * (centre + NpsMath.Z95 * se)))
        };
        return new ThemeCost.Impact(
                round(NpsMath.nps(with) - NpsMath.nps(without)), ci, Math.round(p * 10000) / 10000.0, p < 0.05);
    }

    /** The examples of one theme: as most mentions go, criticising it, praising it. */
    record Picks(
            List<ThemeCost.Example> examples, List<ThemeCost.Example> criticised, List<ThemeCost.Example> praised) {
        static final Picks NONE = new Picks(List.of(), List.of(), List.of());
    }

    private record Candidate(
            String theme, UUID responseId, String comment, String sentiment, String category, long themes, int order) {

        boolean criticises() {
            return sentiment.equals("negative") || sentiment.equals("mixed");
        }

        boolean praises() {
            return sentiment.equals("positive") || sentiment.equals("mixed");
        }
    }

    /**
     * Three distinct comments per theme, three more per side: the newest candidates of each
     * theme and sentiment; among them those that talk about the theme alone rather than among
     * many themes, newest first. For the theme as a whole, those that mainly praise or criticise it
     * as most do; a complaint from a detractor (praise from a promoter) comes first on its side.
     */
    private Map<String, Picks> examples(String where, Map<String, Object> params, Map<String, long[]> opinions) {
        Map<String, Object> p = new HashMap<>(params);
        p.put("candidates", CANDIDATES);
        p.put("recent", RECENT);
        // the newest commented answers only: ranking every mention of a million would sort them all
        String sql = "select x.theme, x.response_id, x.comment, x.sentiment, x.category,"
                + " (select count(*) from comment_theme o where o.response_id = x.response_id) n from ("
                + "select t.theme, f.response_id, f.comment, t.sentiment, f.category, row_number() over"
                + " (partition by t.theme, t.sentiment order by f.answered_at desc, f.response_id) r"
                + " from (select f.response_id, f.comment, f.category, f.answered_at from nps_fact f" + where
                + " and f.comment is not null order by f.answered_at desc, f.response_id limit :recent) f"
                + " join comment_theme t on t.response_id = f.response_id) x where x.r <= :candidates";
        List<Candidate> candidates = new ArrayList<>();
        jdbc.sql(sql).params(p).query(rs -> {
            candidates.add(new Candidate(
                    rs.getString(1),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getLong(6),
                    candidates.size()));
        });
        Map<String, List<Candidate>> byTheme = new HashMap<>();
        candidates.forEach(
                c -> byTheme.computeIfAbsent(c.theme(), k -> new ArrayList<>()).add(c));
        Comparator<Candidate> focused =
                Comparator.comparingLong(Candidate::themes).thenComparingInt(Candidate::order);
        Map<String, Picks> result = new HashMap<>();
        byTheme.forEach((theme, list) -> {
            long[] o = opinions.getOrDefault(theme, new long[2]);
            String dominant = o[1] > o[0] ? "negative" : o[0] > o[1] ? "positive" : null;
            List<ThemeCost.Example> all = pick(
                    list,
                    Comparator.<Candidate>comparingInt(c -> dominant != null && dominant.equals(c.sentiment()) ? 0 : 1)
                            .thenComparing(focused));
            List<ThemeCost.Example> criticised = pick(
                    list.stream().filter(Candidate::criticises).toList(),
                    Comparator.<Candidate>comparingInt(c -> c.category().equals("detractor") ? 0 : 1)
                            .thenComparing(focused));
            List<ThemeCost.Example> praised = pick(
                    list.stream().filter(Candidate::praises).toList(),
                    Comparator.<Candidate>comparingInt(c -> c.category().equals("promoter") ? 0 : 1)
                            .thenComparing(focused));
            result.put(theme, new Picks(all, criticised, praised));
        });
        return result;
    }

    /** Up to three comments in the given order, none repeating another (case and punctuation aside). */
    private static List<ThemeCost.Example> pick(List<Candidate> candidates, Comparator<Candidate> order) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(order);
        Set<String> seen = new HashSet<>();
        List<ThemeCost.Example> picked = new ArrayList<>();
        for (Candidate c : sorted) {
            if (picked.size() == EXAMPLES) break;
            if (seen.add(c.comment()
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}]+", " ")
                    .strip())) {
                picked.add(new ThemeCost.Example(c.responseId(), c.comment(), c.sentiment()));
            }
        }
        return picked;
    }

    private Map<String, String[]> discovered(UUID ws) {
        Map<String, String[]> out = new HashMap<>();
        jdbc.sql("select theme, label, language from discovered_theme where workspace_id = ?")
                .param(ws)
                .query(rs -> {
                    out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                });
        return out;
    }

    private static String languageClause(String language, Map<String, Object> params) {
        if (language == null) {
            return "";
        }
        params.put("language", language);
        return " and exists (select 1 from comment_analysis a where a.response_id = f.response_id"
                + " and a.language = :language)";
    }

    private static String areaKey(String area) {
        return area == null ? "" : area;
    }

    static Double round(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }
}
