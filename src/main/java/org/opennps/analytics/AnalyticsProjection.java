package org.opennps.analytics;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the fact table in step with responses: every announcement carries a response's full
 * current state, so the row is replaced, unless the stored state is newer (announcements can
 * arrive out of order when they are republished after a restart).
 */
@Service
class AnalyticsProjection {

    private final FactRepository facts;

    AnalyticsProjection(FactRepository facts) {
        this.facts = facts;
    }

    /** Applies one response state; returns false when a newer state was stored already. */
    @Transactional
    boolean record(ResponseFact fact) {
        if (facts.insert(fact)) {
            return true;
        }
        Optional<Instant> stored = facts.lockUpdatedAt(fact.responseId());
        if (stored.isPresent() && stored.get().isAfter(fact.updatedAt())) {
            return false;
        }
        facts.update(fact);
        return true;
    }
}
