package org.opennps.web;

import java.util.UUID;
import org.opennps.contact.ContactService;
import org.opennps.event.EventHistory;
import org.opennps.shared.AdminPage;
import org.opennps.shared.PageResult;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Contacts: search, a contact's details and timeline, erasure. */
@Controller
@AdminPage
class ContactPages {

    private static final int TIMELINE = 50;

    private final ContactService contacts;
    private final EventHistory history;
    private final org.opennps.invitation.InvitationService invitations;
    private final org.opennps.response.ResponseService responses;
    private final org.opennps.loop.CaseService cases;
    private final org.opennps.loop.CaseConversation conversation;

    ContactPages(
            ContactService contacts,
            EventHistory history,
            org.opennps.invitation.InvitationService invitations,
            org.opennps.response.ResponseService responses,
            org.opennps.loop.CaseService cases,
            org.opennps.loop.CaseConversation conversation) {
        this.contacts = contacts;
        this.history = history;
        this.invitations = invitations;
        this.responses = responses;
        this.cases = cases;
        this.conversation = conversation;
    }

    @GetMapping("/contacts")
    String list(
            WorkspaceAccess access,
            @RequestParam(name = "q", required = false) String query,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        model.addAttribute("q", query);
        model.addAttribute(
                "page", contacts.list(access.workspaceId(), query, PageResult.Request.of(Math.max(1, page), 25)));
        return "contacts";
    }

    @GetMapping("/contacts/{id}")
    String detail(WorkspaceAccess access, @PathVariable UUID id, Model model) {
        UUID ws = access.workspaceId();
        model.addAttribute("contact", contacts.get(ws, id));
        model.addAttribute(
                "timeline",
                TimelineEntry.merge(
                        history.ofContact(ws, id, TIMELINE),
                        invitations.ofContact(ws, id, TIMELINE),
                        responses.ofContact(ws, id),
                        cases.ofContact(ws, id, TIMELINE),
                        conversation.ofContact(ws, id),
                        TIMELINE * 2));
        return "contact";
    }

    @PostMapping("/contacts/{id}/erase")
    String erase(WorkspaceAccess access, @PathVariable UUID id, RedirectAttributes redirect) {
        contacts.erase(access.workspaceId(), id);
        redirect.addFlashAttribute("message", "The contact and their personal data were erased.");
        return "redirect:/contacts";
    }
}
