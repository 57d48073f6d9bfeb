package org.opennps.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.opennps.survey.ScoreCategory;

/**
 * Scores and answers to the post-purchase template, realistic per segment: parcel lockers
 * score higher than couriers, business customers are a little harder to please, things get
 * slightly better over the months; passives and detractors choose the area behind the score.
 * Most customers in Polish cities comment in Polish. A detractor who says what happened adds the
 * detail of their own complaint ({@code detractor_why}, one per comment of {@code detractor}).
 */
final class DemoFeedback {

    private static final List<String> AREAS =
            List.of("Product", "Pricing", "Support", "Delivery", "Ease of use", "Other");

    private final Random random;
    private final Map<String, List<String>> comments;

    DemoFeedback(Random random, Map<String, List<String>> comments) {
        for (String language : List.of("", "_pl")) {
            String list = ScoreCategory.DETRACTOR.code() + language;
            String why = ScoreCategory.DETRACTOR.code() + "_why" + language;
            if (comments.get(list).size() != comments.get(why).size()) {
                throw new IllegalStateException(why + " must hold one detail per comment of " + list);
            }
        }
        this.random = random;
        this.comments = comments;
    }

    /** A score for this order; {@code progress} runs from 0 (oldest) to 1 (newest). */
    int score(DemoShop.Order order, double progress) {
        double promoter = switch (order.shipment()) {
            case "parcel_locker" -> 0.60;
            case "pickup_point" -> 0.48;
            default -> 0.36;
        };
        double detractor = switch (order.shipment()) {
            case "parcel_locker" -> 0.12;
            case "pickup_point" -> 0.18;
            default -> 0.30;
        };
        if (order.person().profile().equals("b2b")) {
            promoter -= 0.06;
            detractor += 0.04;
        }
        promoter += 0.08 * progress;
        detractor -= 0.05 * progress;
        double r = random.nextDouble();
        if (r < promoter) {
            return random.nextInt(10) < 6 ? 10 : 9;
        }
        if (r < 1 - detractor) {
            return random.nextBoolean() ? 8 : 7;
        }
        int[] low = {0, 1, 2, 3, 4, 5, 5, 6, 6, 6};
        return low[random.nextInt(low.length)];
    }

    /** Answers to the post-purchase template's follow-ups for this score. */
    Map<String, Object> answers(DemoShop.Order order, int score) {
        ScoreCategory category = ScoreCategory.of(score);
        Map<String, Object> answers = new LinkedHashMap<>();
        // most customers in Poland write in Polish
        boolean polish = !List.of("Berlin", "Prague").contains(order.person().city())
                && comments.containsKey(category.code() + "_pl")
                && random.nextInt(100) < 60;
        List<String> texts = comments.get(polish ? category.code() + "_pl" : category.code());
        switch (category) {
            case PROMOTER -> {
                if (random.nextInt(100) < 65) {
                    answers.put("loved", texts.get(random.nextInt(texts.size())));
                }
                answers.put("review", List.of("Yes", "Maybe later", "No").get(random.nextInt(3)));
            }
            case PASSIVE -> {
                if (random.nextInt(100) < 60) {
                    answers.put("earn9", texts.get(random.nextInt(texts.size())));
                }
                answers.put("area", area(order));
            }
            default -> {
                int complaint = -1;
                if (random.nextInt(100) < 75) {
                    complaint = random.nextInt(texts.size());
                    answers.put("disappointed", texts.get(complaint));
                }
                answers.put("area", area(order));
                if (random.nextInt(100) < 25) {
                    // what happened: the detail of this customer's own complaint, never one
                    // sentence for everyone (it would become a theme and the examples of many)
                    if (complaint < 0) {
                        complaint = random.nextInt(texts.size());
                    }
                    answers.put(
                            "why",
                            comments.get(category.code() + "_why" + (polish ? "_pl" : ""))
                                    .get(complaint));
                }
            }
        }
        return answers;
    }

    private String area(DemoShop.Order order) {
        int r = random.nextInt(100);
        int delivery = order.shipment().equals("courier") ? 45 : 20;
        if (r < delivery) {
            return "Delivery";
        }
        return AREAS.get(random.nextInt(AREAS.size()));
    }
}
