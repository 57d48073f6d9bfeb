package org.opennps.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Claiming a batch of due rows in a way H2 and PostgreSQL both honour under concurrency: read a
 * window of the oldest due ids without locks, take a random {@link #pick share} of it, then lock
 * that share with {@code select … where id in (…) for update skip locked} (no {@code order by}
 * or {@code limit} in the locking statement: H2 answers a second concurrent {@code … order by …
 * limit … for update skip locked} with no rows at all, while it skips locked rows of an id list
 * as PostgreSQL does). Racing claimers mostly pick different rows, so none of them waits and
 * each gets most of a batch; the rows two picked alike go to one of them.
 */
public final class DueCandidates {

    /** How many times the batch size the unlocked look-up reads. */
    public static final int WINDOW = 4;

    private DueCandidates() {}

    /** Up to {@code limit} of the candidates, chosen at random, in their original order. */
    public static <T> List<T> pick(List<T> candidates, int limit) {
        if (candidates.size() <= limit) {
            return candidates;
        }
        List<Integer> positions = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            positions.add(i);
        }
        Collections.shuffle(positions, ThreadLocalRandom.current());
        List<Integer> chosen = new ArrayList<>(positions.subList(0, limit));
        Collections.sort(chosen);
        List<T> picked = new ArrayList<>(limit);
        chosen.forEach(i -> picked.add(candidates.get(i)));
        return picked;
    }
}
