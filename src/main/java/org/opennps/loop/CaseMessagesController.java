package org.opennps.loop;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The conversation of a case over the API: the thread, replies to the customer, logged answers. */
@RestController
@RequestMapping("/api/v1/cases/{id}")
class CaseMessagesController {

    private final CaseConversation conversation;

    CaseMessagesController(CaseConversation conversation) {
        this.conversation = conversation;
    }

    @GetMapping("/messages")
    Map<String, List<CaseMessage>> thread(WorkspaceAccess access, @PathVariable UUID id) {
        return Map.of("items", conversation.thread(access.workspaceId(), id));
    }

    /** {@code {"subject":…, "body":…}} → 201: e-mailed to the customer through the outbox. */
    @PostMapping("/replies")
    ResponseEntity<CaseMessage> reply(WorkspaceAccess access, @PathVariable UUID id, @RequestBody JsonNode body) {
        var violations = new ArrayList<FieldViolation>();
        var f = JsonFields.of(body, "", violations);
        String subject = f.string("subject", 300, true);
        String text = f.multiLineString("body", 10000, true);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        CaseMessage sent = conversation.reply(access.workspaceId(), id, actor(access), subject, text);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/messages"))
                .body(sent);
    }

    /** {@code {"body":…}} → 201: the customer's answer, logged on the case. */
    @PostMapping("/answers")
    ResponseEntity<CaseMessage> answer(WorkspaceAccess access, @PathVariable UUID id, @RequestBody JsonNode body) {
        var violations = new ArrayList<FieldViolation>();
        String text = JsonFields.of(body, "", violations).multiLineString("body", 10000, true);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        CaseMessage logged = conversation.logAnswer(access.workspaceId(), id, actor(access), text);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/messages"))
                .body(logged);
    }

    private static String actor(WorkspaceAccess access) {
        return access.userId() != null ? "user:" + access.userId() : "api";
    }
}
