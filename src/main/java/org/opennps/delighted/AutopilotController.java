package org.opennps.delighted;

import org.opennps.workspace.WorkspaceAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Delighted's Autopilot (each member surveyed again every so many days, for ever) has no
 * faithful counterpart: OpenNPS surveys on events through campaigns, under the workspace's
 * recontact windows. Rather than accept members and never survey them, every Autopilot call
 * answers 403, which Delighted itself gave for a feature an account does not have.
 */
@RestController
class AutopilotController {

    private final DelightedGate gate;

    AutopilotController(DelightedGate gate) {
        this.gate = gate;
    }

    @RequestMapping({"/v1/autopilot/**"})
    ResponseEntity<Views.Failure> autopilot(WorkspaceAccess access) {
        gate.enter(access);
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(new Views.Failure(
                        403,
                        "Autopilot is not offered by OpenNPS: survey on events with a campaign"
                                + " (POST /api/v1/campaigns), see the migration guide."));
    }
}
