package org.opennps.contact;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.opennps.shared.PageResult;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/contacts")
class ContactController {

    private final ContactService contacts;

    ContactController(ContactService contacts) {
        this.contacts = contacts;
    }

    @PostMapping
    ResponseEntity<Contact> upsert(WorkspaceAccess access, @RequestBody JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        ContactInput input = ContactInput.read(JsonFields.of(body, "", violations));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        ContactService.Upserted result = contacts.upsert(access.workspaceId(), input);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/contacts/" + result.contact().id()))
                .body(result.contact());
    }

    @GetMapping("/{id}")
    Contact get(WorkspaceAccess access, @PathVariable UUID id) {
        return contacts.get(access.workspaceId(), id);
    }

    /** Look-up by e-mail or external id, or a page of all contacts (optionally searched). */
    @GetMapping
    PageResult<Contact> list(
            WorkspaceAccess access,
            @RequestParam(required = false) String email,
            @RequestParam(name = "external_id", required = false) String externalId,
            @RequestParam(name = "q", required = false) String search,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageResult.Request request = PageResult.Request.of(page, size);
        if (email != null || externalId != null) {
            var found = email != null
                    ? contacts.findByEmail(access.workspaceId(), email.trim().toLowerCase(java.util.Locale.ROOT))
                    : contacts.findByExternalId(access.workspaceId(), externalId);
            List<Contact> items = found.stream()
                    .filter(c -> externalId == null || externalId.equals(c.externalId()))
                    .toList();
            return new PageResult<>(items, 1, request.size(), items.size());
        }
        return contacts.list(access.workspaceId(), search, request);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> erase(WorkspaceAccess access, @PathVariable UUID id) {
        contacts.erase(access.workspaceId(), id);
        return ResponseEntity.noContent().build();
    }
}
