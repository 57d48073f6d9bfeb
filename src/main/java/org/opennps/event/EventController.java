package org.opennps.event;

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
        return intake.ingest(access.workspaceId(), body, MAX_BATCH);
    }
}
