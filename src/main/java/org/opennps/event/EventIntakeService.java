package org.opennps.event;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Entry point of the event module: validates event requests and hands them to the store. */
@Service
public class EventIntakeService {

    private final EventStore store;
    private final EventRepository events;

    EventIntakeService(EventStore store, EventRepository events) {
        this.store = store;
        this.events = events;
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
        return store.store(workspaceId, inputs, batch, source);
    }

    public long count(UUID workspaceId) {
        return events.count(workspaceId);
    }
}
