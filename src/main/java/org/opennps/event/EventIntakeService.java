package org.opennps.event;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.opennps.shared.BusyException;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;

/** Entry point of the event module: validates event requests and hands them to the store. */
@Service
public class EventIntakeService {

    private static final Logger log = LoggerFactory.getLogger(EventIntakeService.class);

    private final EventStore store;
    private final EventRepository events;
    private final IntakeContention contention;

    EventIntakeService(EventStore store, EventRepository events, IntakeContention contention) {
        this.store = store;
        this.events = events;
        this.contention = contention;
    }

    /**
     * Validates and stores a request body: one event object, or {@code {"events":[…]}} with up to
     * {@code maxBatch}. All or nothing: one bad event rejects the request with every fault named
     * by its path ({@code events[3].type}).
     */
    public IntakeResult ingest(UUID workspaceId, JsonNode body, int maxBatch) {
        return ingest(workspaceId, body, maxBatch, IngestedEvent.SERVER);
    }

    /**
     * As {@link #ingest(UUID, JsonNode, int)}, marking the events with where they came from
     * ({@link IngestedEvent#SERVER}, {@link IngestedEvent#CLIENT} or
     * {@link IngestedEvent#CLIENT_SIGNED}); campaigns start on client events only when they say so.
     */
    public IntakeResult ingest(UUID workspaceId, JsonNode body, int maxBatch, String source) {
        List<FieldViolation> violations = new ArrayList<>();
        List<EventInput> inputs = new ArrayList<>();
        boolean batch = body.isObject() && body.has("events");
        if (batch) {
            JsonNode list = body.get("events");
            if (!list.isArray() || list.isEmpty() || list.size() > maxBatch) {
                throw new InvalidInputException("events", "must be a list of 1 to " + maxBatch + " events");
            }
            for (int i = 0; i < list.size(); i++) {
                inputs.add(EventInput.read(JsonFields.of(list.get(i), "events[" + i + "]", violations)));
            }
        } else {
            inputs.add(EventInput.read(JsonFields.of(body, "", violations)));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return storeWithRetries(workspaceId, inputs, batch, source);
    }

    /**
     * Stores the batch in its own transaction, tried again when it lost a lock wait or a
     * deadlock to a concurrent batch (each try rolled back whole, so nothing is stored twice).
     * When every try lost, nothing is stored and the caller is told to come back later (503).
     * Inside a caller's transaction there is one try: a failed statement dooms that transaction.
     */
    private IntakeResult storeWithRetries(UUID workspaceId, List<EventInput> inputs, boolean batch, String source) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return store.store(workspaceId, inputs, batch, source);
        }
        int attempts = contention.attempts();
        for (int attempt = 1; ; attempt++) {
            try {
                return store.store(workspaceId, inputs, batch, source);
            } catch (DataAccessException e) {
                if (!contention(e)) {
                    throw e;
                }
                if (attempt >= attempts) {
                    throw new BusyException(
                            "The events could not be stored because other requests held the same contacts;"
                                    + " nothing was stored, send them again.",
                            Duration.ofSeconds(1),
                            e);
                }
                log.info(
                        "Intake batch of {} events retried after contention ({})",
                        inputs.size(),
                        e.getClass().getSimpleName());
                backOff(attempt);
            }
        }
    }

    /**
     * Whether the failure is one a new try can get past: a lost lock wait, a deadlock, a
     * serialization failure, or a key another transaction inserted meanwhile.
     */
    static boolean contention(DataAccessException e) {
        if (e instanceof TransientDataAccessException || e instanceof DuplicateKeyException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ("55P03".equals(state) || "40001".equals(state) || "40P01".equals(state)) {
                    return true;
                }
                int code = sql.getErrorCode();
                if (code == 50200 || code == 40001 || code == 90131) { // H2: lock timeout, deadlock, concurrent update
                    return true;
                }
            }
        }
        return false;
    }

    /** A short random pause, growing with the attempt, so colliding batches fall out of step. */
    private static void backOff(int attempt) {
        long maxMillis = 20L * attempt;
        LockSupport.parkNanos(Duration.ofMillis(1 + ThreadLocalRandom.current().nextLong(maxMillis))
                .toNanos());
    }

    public long count(UUID workspaceId) {
        return events.count(workspaceId);
    }
}
