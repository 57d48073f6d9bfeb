package org.opennps.analytics;

import java.util.List;

/**
 * How contacts move between categories over repeated answers. {@code transitions} counts
 * consecutive answer pairs of one contact; the contact counts say how many people who were
 * passive later answered 9–10 (and how many promoters later answered 7–8).
 */
public record Movement(
        long contactsAnsweredTwice,
        long passivesLaterPromoters,
        long passivesWithLaterAnswer,
        long promotersLaterPassives,
        long promotersWithLaterAnswer,
        List<Transition> transitions) {

    public record Transition(String from, String to, long count) {}
}
