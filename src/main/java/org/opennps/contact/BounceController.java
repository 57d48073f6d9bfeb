package org.opennps.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.opennps.shared.PageResult;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Bounce and complaint notifications from e-mail providers, and their listing. */
@RestController
@RequestMapping("/api/v1/bounces")
class BounceController {

    private static final Set<String> TYPES = Set.of(Bounce.HARD, Bounce.SOFT, Bounce.COMPLAINT);

    private final ContactService contacts;

    BounceController(ContactService contacts) {
        this.contacts = contacts;
    }

    @PostMapping
    ResponseEntity<Bounce> record(WorkspaceAccess access, @RequestBody JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields fields = JsonFields.of(body, "", violations);
        String email = fields.email("email", true);
        String type = fields.string("type", 20, true);
        if (type != null && !TYPES.contains(type)) {
            fields.reject("type", "must be hard_bounce, soft_bounce or complaint");
        }
        Instant occurredAt = fields.instant("occurred_at");
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Bounce recorded = contacts.recordBounce(access.workspaceId(), email, type, "api", null, occurredAt);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(recorded);
    }

    @GetMapping
    PageResult<Bounce> list(
            WorkspaceAccess access,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        if (type != null && !TYPES.contains(type)) {
            throw new InvalidInputException("type", "must be hard_bounce, soft_bounce or complaint");
        }
        return contacts.bounces(access.workspaceId(), type, PageResult.Request.of(page, size));
    }
}
