package org.opennps.campaign;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.contact.Contact;
import org.opennps.contact.ContactService;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.opennps.shared.NotFoundException;
import org.opennps.shared.PageResult;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@RestController
@RequestMapping("/api/v1")
class CampaignController {

    private final CampaignService campaigns;
    private final ContactService contacts;
    private final JsonMapper json;
    private final CampaignRemoval removal;

    CampaignController(CampaignService campaigns, ContactService contacts, JsonMapper json, CampaignRemoval removal) {
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.json = json;
        this.removal = removal;
    }

    @PostMapping("/campaigns")
    ResponseEntity<CampaignView> create(WorkspaceAccess access, @RequestBody JsonNode body) {
        CampaignView created = campaigns.create(access.workspaceId(), command(body));
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + created.id()))
                .body(created);
    }

    /** Every campaign; {@code archived=true} only the archived ones, {@code archived=false} the others. */
    @GetMapping("/campaigns")
    PageResult<CampaignView> list(
            WorkspaceAccess access,
            @RequestParam(required = false) Boolean archived,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return campaigns.list(access.workspaceId(), archived, PageResult.Request.of(page, size));
    }

    @GetMapping("/campaigns/{id}")
    CampaignView get(WorkspaceAccess access, @PathVariable UUID id) {
        return campaigns.get(access.workspaceId(), id);
    }

    @PutMapping("/campaigns/{id}")
    CampaignView update(WorkspaceAccess access, @PathVariable UUID id, @RequestBody JsonNode body) {
        return campaigns.update(access.workspaceId(), id, command(body));
    }

    @PostMapping("/campaigns/{id}/activate")
    CampaignView activate(WorkspaceAccess access, @PathVariable UUID id) {
        return campaigns.setStatus(access.workspaceId(), id, CampaignStatus.ACTIVE);
    }

    @PostMapping("/campaigns/{id}/pause")
    CampaignView pause(WorkspaceAccess access, @PathVariable UUID id) {
        return campaigns.setStatus(access.workspaceId(), id, CampaignStatus.PAUSED);
    }

    /**
     * The body as a command, read strictly first: wrong types are named by their path, never
     * coerced. An action's {@code "secret": null} removes the stored secret, which the command
     * says with an empty secret (an absent one keeps it).
     */
    private SaveCampaign command(JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        CampaignReader.read(body, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.path("steps").forEach(step -> {
            if (step instanceof ObjectNode s
                    && s.has("secret")
                    && s.get("secret").isNull()) {
                s.put("secret", "");
            }
        });
        try {
            return json.treeToValue(copy, SaveCampaign.class);
        } catch (DatabindException e) {
            throw new InvalidInputException(pathOf(e), "has a value of the wrong form");
        }
    }

    private static String pathOf(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    @PostMapping("/campaigns/{id}/archive")
    CampaignView archive(WorkspaceAccess access, @PathVariable UUID id) {
        removal.archive(access.workspaceId(), id);
        return campaigns.get(access.workspaceId(), id);
    }

    @PostMapping("/campaigns/{id}/unarchive")
    CampaignView unarchive(WorkspaceAccess access, @PathVariable UUID id) {
        removal.unarchive(access.workspaceId(), id);
        return campaigns.get(access.workspaceId(), id);
    }

    /** What {@code DELETE} would remove with the campaign; changes nothing. */
    @GetMapping("/campaigns/{id}/deletion")
    Map<String, Object> deletion(WorkspaceAccess access, @PathVariable UUID id) {
        CampaignDeletion d = removal.deletion(access.workspaceId(), id);
        return Map.of(
                "campaign_id", d.campaignId(), "removes", d.removed(), "needs_confirmation", d.needsConfirmation());
    }

    /** {@code 204}; one with journeys, invitations or responses answers {@code 409} unless {@code confirm=true}. */
    @DeleteMapping("/campaigns/{id}")
    ResponseEntity<Void> delete(
            WorkspaceAccess access, @PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirm) {
        removal.delete(access.workspaceId(), id, confirm);
        return ResponseEntity.noContent().build();
    }

    /** {@code {"event":{"type":…,"properties":{…},"contact":{"external_id"|"email"|"id":…}}}} or the event itself. */
    @PostMapping("/campaigns/{id}/preview")
    PreviewResult preview(WorkspaceAccess access, @PathVariable UUID id, @RequestBody JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonNode eventNode = body.has("event") ? body.get("event") : body;
        String path = body.has("event") ? "event" : "";
        JsonFields event = JsonFields.of(eventNode, path, violations);
        String type =
                event.token("type", CampaignReader.EVENT_TYPE, "must be an event type such as order.placed", true);
        Map<String, Object> properties = event.scalarMap("properties", 100, 2000);
        JsonFields who = event.object("contact", true);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Contact contact = contactOf(access.workspaceId(), who, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return campaigns.preview(access.workspaceId(), id, type, contact, properties == null ? Map.of() : properties);
    }

    @GetMapping("/campaigns/{id}/journeys")
    PageResult<JourneyView> journeys(
            WorkspaceAccess access,
            @PathVariable UUID id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        JourneyStatus wanted = status == null ? null : JourneyStatus.of(status);
        if (status != null && wanted == null) {
            throw new InvalidInputException(
                    "status",
                    "must be one of "
                            + String.join(
                                    ", ",
                                    java.util.Arrays.stream(JourneyStatus.values())
                                            .map(JourneyStatus::code)
                                            .toList()));
        }
        return campaigns
                .journeys(access.workspaceId(), id, wanted, PageResult.Request.of(page, size))
                .map(JourneyView::of);
    }

    private Contact contactOf(UUID workspaceId, JsonFields who, List<FieldViolation> violations) {
        String contactId = who.string("id", 36, false);
        String externalId = who.string("external_id", 200, false);
        String email = who.email("email", false);
        if (!violations.isEmpty()) {
            return null;
        }
        var found = contactId != null
                ? contacts.find(workspaceId, parse(contactId))
                : externalId != null
                        ? contacts.findByExternalId(workspaceId, externalId)
                        : email != null
                                ? contacts.findByEmail(workspaceId, email)
                                : java.util.Optional.<Contact>empty();
        if (contactId == null && externalId == null && email == null) {
            who.reject("id", "give the contact's id, external_id or email");
            return null;
        }
        return found.orElseThrow(() -> new NotFoundException("Contact"));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Contact");
        }
    }

    /** A journey as the API shows it: who waits at which step until when. */
    record JourneyView(
            UUID id,
            UUID contactId,
            String triggerEventId,
            int campaignVersion,
            JourneyStatus status,
            int stepIndex,
            Instant dueAt,
            String outcome,
            Instant createdAt,
            Instant updatedAt) {
        static JourneyView of(Journey j) {
            return new JourneyView(
                    j.id(),
                    j.contactId(),
                    j.triggerEventId(),
                    j.campaignVersion(),
                    j.status(),
                    j.stepIndex(),
                    j.dueAt(),
                    j.outcome(),
                    j.createdAt(),
                    j.updatedAt());
        }
    }
}
