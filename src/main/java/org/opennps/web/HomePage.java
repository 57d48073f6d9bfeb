package org.opennps.web;

import org.opennps.contact.ContactService;
import org.opennps.event.EventIntakeService;
import org.opennps.shared.AdminPage;
import org.opennps.shared.PageResult;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The landing page after sign-in: what the workspace holds and how to feed it. */
@Controller
@AdminPage
class HomePage {

    private final ContactService contacts;
    private final EventIntakeService events;

    HomePage(ContactService contacts, EventIntakeService events) {
        this.contacts = contacts;
        this.events = events;
    }

    @GetMapping("/")
    String home(WorkspaceAccess access, Model model) {
        model.addAttribute(
                "contactCount",
                contacts.list(access.workspaceId(), null, PageResult.Request.of(1, 1))
                        .total());
        model.addAttribute("eventCount", events.count(access.workspaceId()));
        model.addAttribute(
                "baseUrl",
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
        return "home";
    }
}
