package org.opennps.delivery;

import java.time.OffsetDateTime;
import org.opennps.shared.PageResult;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OutboxController {

    private final OutboxView view;

    OutboxController(OutboxView view) {
        this.view = view;
    }

    /**
     * The workspace's outgoing e-mails, newest first: status, attempts, last error and next
     * attempt; filters by status, recipient, reference prefix (e.g. an invitation id) and
     * creation time.
     */
    @GetMapping("/api/v1/outbox")
    PageResult<OutboxEmail> outbox(
            WorkspaceAccess access,
            @RequestParam(required = false) OutboxStatus status,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String reference,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime since,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime until,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return view.emails(
                access.workspaceId(),
                status,
                to,
                reference,
                since == null ? null : since.toInstant(),
                until == null ? null : until.toInstant(),
                PageResult.Request.of(page, size));
    }
}
