package org.opennps.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennps.campaign.CampaignService;
import org.opennps.campaign.PreviewResult;
import org.opennps.contact.Contact;
import org.opennps.contact.ContactService;
import org.opennps.shared.AdminPage;
import org.opennps.shared.InvalidInputException;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What the saved campaign would do with a sample event, without doing it: the builder's
 * preview (an htmx fragment, or a page of its own without JavaScript).
 */
@Controller
@AdminPage
class CampaignPreviewPage {

    private final CampaignService campaigns;
    private final ContactService contacts;

    CampaignPreviewPage(CampaignService campaigns, ContactService contacts) {
        this.campaigns = campaigns;
        this.contacts = contacts;
    }

    /** A sample event for the form: the trigger's type and the properties the campaign refers to. */
    static Sample sample(CampaignForm form, String contact) {
        StringBuilder properties = new StringBuilder();
        form.sampleProperties().forEach(p -> properties.append(p).append("=sample-1\n"));
        return new Sample(form.eventType(), contact, properties.toString().strip());
    }

    @PostMapping("/campaigns/{id}/preview")
    String preview(
            WorkspaceAccess access,
            @PathVariable UUID id,
            @RequestParam(name = "event_type", defaultValue = "") String eventType,
            @RequestParam(defaultValue = "") String contact,
            @RequestParam(defaultValue = "") String properties,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        UUID ws = access.workspaceId();
        campaigns.get(ws, id);
        model.addAttribute("campaignId", id);
        Optional<Contact> who = find(ws, contact.strip());
        if (contact.isBlank() || who.isEmpty()) {
            model.addAttribute(
                    "previewError",
                    contact.isBlank()
                            ? "Give a contact's external id or e-mail."
                            : "No contact has the external id or e-mail \"" + contact.strip() + "\".");
        } else {
            try {
                PreviewResult result = campaigns.preview(ws, id, eventType.strip(), who.get(), parse(properties));
                model.addAttribute("preview", result);
            } catch (InvalidInputException e) {
                model.addAttribute("previewError", e.getMessage());
            }
        }
        return htmx != null ? "campaign-preview :: result" : "campaign-preview";
    }

    private Optional<Contact> find(UUID ws, String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Contact> byId = contacts.findByExternalId(ws, text);
        return byId.isPresent() || !text.contains("@") ? byId : contacts.findByEmail(ws, text);
    }

    /** {@code name=value} per line; numbers and true/false keep their type. */
    static Map<String, Object> parse(String text) {
        Map<String, Object> map = new LinkedHashMap<>();
        text.lines().map(String::strip).filter(l -> l.contains("=")).limit(100).forEach(l -> {
            int eq = l.indexOf('=');
            String value = l.substring(eq + 1).strip();
            Object typed = "true".equals(value) || "false".equals(value)
                    ? (Object) Boolean.valueOf(value)
                    : value.matches("-?\\d{1,15}") ? (Object) Long.valueOf(value) : value;
            map.put(l.substring(0, eq).strip(), typed);
        });
        return map;
    }

    /** The preview form's values. */
    record Sample(String eventType, String contact, String properties) {}
}
