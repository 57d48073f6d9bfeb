package org.opennps.contact;

import org.opennps.delivery.EmailBounced;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A recipient the receiving server refused for good (5xx on RCPT TO) marks the workspace's
 * contact with that address bounced, so every later survey or message to it is suppressed, and
 * lists it among the workspace's bounces.
 */
@Component
class OutboxBounces {

    private final ContactService contacts;

    OutboxBounces(ContactService contacts) {
        this.contacts = contacts;
    }

    @ApplicationModuleListener
    void on(EmailBounced bounced) {
        contacts.recordBounce(bounced.workspaceId(), bounced.address(), Bounce.HARD, "smtp", bounced.reason(), null);
    }
}
