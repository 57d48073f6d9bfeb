package org.opennps.analytics;

/** Counts of confirmed scored answers in one group; passives count in the denominator. */
record Tally(long promoters, long passives, long detractors) {

    static final Tally EMPTY = new Tally(0, 0, 0);

    Tally {
        if (promoters < 0 || passives < 0 || detractors < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    static Tally ofCategory(String category, long count) {
        return switch (category) {
            case "promoter" -> new Tally(count, 0, 0);
            case "passive" -> new Tally(0, count, 0);
            case "detractor" -> new Tally(0, 0, count);
            default -> throw new IllegalArgumentException("unknown category " + category);
        };
    }

    long responses() {
        return promoters + passives + detractors;
    }

    Tally plus(Tally other) {
        return new Tally(promoters + other.promoters, passives + other.passives, detractors + other.detractors);
    }

    Tally minus(Tally other) {
        return new Tally(promoters - other.promoters, passives - other.passives, detractors - other.detractors);
    }
}
