package org.opennps.delivery;

import org.opennps.shared.PageResult;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MailboxController {

    private final DeliveryService delivery;

    MailboxController(DeliveryService delivery) {
        this.delivery = delivery;
    }

    /** The dev mailbox: e-mails kept instead of sent because no SMTP host is configured. */
    @GetMapping("/api/v1/mailbox")
    PageResult<MailboxEntry> mailbox(
            WorkspaceAccess access,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return delivery.mailbox(access.workspaceId(), to, PageResult.Request.of(page, size));
    }
}
