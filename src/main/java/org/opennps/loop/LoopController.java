package org.opennps.loop;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.opennps.shared.PageResult;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1")
class LoopController {

    private final AlertService alerts;
    private final CaseService cases;

    LoopController(AlertService alerts, CaseService cases) {
        this.alerts = alerts;
        this.cases = cases;
    }

    @PostMapping("/alert-rules")
    ResponseEntity<AlertRule> createRule(WorkspaceAccess access, @RequestBody JsonNode body) {
        AlertRule rule = alerts.create(access.workspaceId(), body);
        return ResponseEntity.created(URI.create("/api/v1/alert-rules/" + rule.id()))
                .body(rule);
    }

    @GetMapping("/alert-rules")
    Map<String, List<AlertRule>> rules(WorkspaceAccess access) {
        return Map.of("items", alerts.list(access.workspaceId()));
    }

    @GetMapping("/alert-rules/{id}")
    AlertRule rule(WorkspaceAccess access, @PathVariable UUID id) {
        return alerts.get(access.workspaceId(), id);
    }

    @PutMapping("/alert-rules/{id}")
    AlertRule replaceRule(WorkspaceAccess access, @PathVariable UUID id, @RequestBody JsonNode body) {
        return alerts.replace(access.workspaceId(), id, body);
    }

    @DeleteMapping("/alert-rules/{id}")
    ResponseEntity<Void> deleteRule(WorkspaceAccess access, @PathVariable UUID id) {
        alerts.delete(access.workspaceId(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/cases")
    PageResult<FeedbackCase> cases(
            WorkspaceAccess access,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return cases.list(access.workspaceId(), status, owner, tag, PageResult.Request.of(page, size));
    }

    /** A person opens a case for a response: {@code {"response_id": …}}. */
    @PostMapping("/cases")
    ResponseEntity<FeedbackCase> openCase(WorkspaceAccess access, @RequestBody JsonNode body) {
        var violations = new java.util.ArrayList<org.opennps.shared.FieldViolation>();
        String responseId = JsonFields.of(body, "", violations).string("response_id", 36, true);
        UUID id = null;
        try {
            id = responseId == null ? null : UUID.fromString(responseId);
        } catch (IllegalArgumentException e) {
            violations.add(new org.opennps.shared.FieldViolation("response_id", "must be a response id"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        FeedbackCase opened = cases.open(access.workspaceId(), id, null, java.time.Duration.ofDays(1));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + opened.id()))
                .body(opened);
    }

    @GetMapping("/cases/{id}")
    FeedbackCase getCase(WorkspaceAccess access, @PathVariable UUID id) {
        return cases.get(access.workspaceId(), id);
    }

    @PatchMapping("/cases/{id}")
    FeedbackCase changeCase(WorkspaceAccess access, @PathVariable UUID id, @RequestBody JsonNode body) {
        String actor = access.userId() != null ? "user:" + access.userId() : "api";
        return cases.change(access.workspaceId(), id, CaseChange.read(body), actor);
    }
}
