package org.opennps.client;

import org.opennps.contact.ContactErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Forgets an erased person's displays (who, which page) in the erasing transaction. */
@Component
class DisplayErasure {

    private final DisplayRepository displays;

    DisplayErasure(DisplayRepository displays) {
        this.displays = displays;
    }

    @EventListener
    void on(ContactErased event) {
        displays.erase(event.workspaceId(), event.contactId());
    }
}
