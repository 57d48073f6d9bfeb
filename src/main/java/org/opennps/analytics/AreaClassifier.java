package org.opennps.analytics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a comment to the area it talks about by keywords (compared as stems, so "delivered",
 * "deliveries" and "delivery" all count for Delivery). The area with most hits wins, earlier
 * areas on ties; no hit means Other.
 */
final class AreaClassifier {

    private static final Map<String, List<String>> KEYWORDS = new LinkedHashMap<>();

    static {
        KEYWORDS.put(
                "Product",
                List.of(
                        "product",
                        "quality",
                        "feature",
                        "item",
                        "broken",
                        "defect",
                        "size",
                        "fit",
                        "material",
                        "bug",
                        "crash",
                        "function",
                        "durable",
                        "works",
                        "range",
                        "choice",
                        "stock"));
        KEYWORDS.put(
                "Pricing",
                List.of(
                        "price",
                        "pricing",
                        "expensive",
                        "cheap",
                        "cheaper",
                        "cost",
                        "discount",
                        "fee",
                        "money",
                        "value",
                        "afford",
                        "coupon",
                        "subscription",
                        "overpriced",
                        "refund",
                        "promotion"));
        KEYWORDS.put(
                "Support",
                List.of(
                        "support",
                        "service",
                        "help",
                        "helpful",
                        "agent",
                        "staff",
                        "reply",
                        "response",
                        "answer",
                        "call",
                        "chat",
                        "rude",
                        "friendly",
                        "complaint",
                        "contact",
                        "hotline"));
        KEYWORDS.put(
                "Delivery",
                List.of(
                        "delivery",
                        "deliver",
                        "shipping",
                        "ship",
                        "courier",
                        "package",
                        "packaging",
                        "arrive",
                        "late",
                        "parcel",
                        "locker",
                        "tracking",
                        "dispatch",
                        "damaged",
                        "slow",
                        "fast",
                        "pickup"));
        KEYWORDS.put(
                "Ease of use",
                List.of(
                        "easy",
                        "easier",
                        "navigation",
                        "navigate",
                        "find",
                        "checkout",
                        "confusing",
                        "simple",
                        "complicated",
                        "interface",
                        "website",
                        "login",
                        "search",
                        "intuitive",
                        "menu",
                        "form"));
    }

    private final Map<String, String> areaByStem = new HashMap<>();
    private final TextAnalysis analysis;

    AreaClassifier(TextAnalysis analysis) {
        this.analysis = analysis;
        KEYWORDS.forEach((area, words) -> words.forEach(w -> areaByStem.putIfAbsent(analysis.stem(w), area)));
    }

    String classify(String comment) {
        Map<String, Integer> hits = new LinkedHashMap<>();
        KEYWORDS.keySet().forEach(area -> hits.put(area, 0));
        for (TextAnalysis.Term term : analysis.terms(comment)) {
            String area = term.bigram() ? null : areaByStem.get(term.key());
            if (area != null) {
                hits.merge(area, 1, Integer::sum);
            }
        }
        String best = "Other";
        int most = 0;
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }
}
