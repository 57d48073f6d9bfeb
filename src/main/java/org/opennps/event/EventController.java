package org.opennps.event;

import java.util.ArrayList;
import java.util.List;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
class EventController {

    static final int MAX_BATCH = 1000;

    private final EventIntakeService intake;

    EventController(EventIntakeService intake) {
        this.intake = intake;
    }

    /** One event object, or {@code {"events":[…]}} with up to 1000; all or nothing. */
    @PostMapping("/api/v1/events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    IntakeResult ingest(WorkspaceAccess access, @RequestBody JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        List<EventInput> inputs = new ArrayList<>();
        boolean batch = body.isObject() && body.has("events");
        if (batch) {
            JsonNode events = body.get("events");
            if (!events.isArray() || events.isEmpty() || events.size() > MAX_BATCH) {
                throw new InvalidInputException("events", "must be a list of 1 to " + MAX_BATCH + " events");
            }
            for (int i = 0; i < events.size(); i++) {
                inputs.add(EventInput.read(JsonFields.of(events.get(i), "events[" + i + "]", violations)));
            }
        } else {
            inputs.add(EventInput.read(JsonFields.of(body, "", violations)));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return intake.ingest(access.workspaceId(), inputs, batch);
    }
}
