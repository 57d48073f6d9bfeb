package org.opennps.loop;

import java.time.Clock;
import org.opennps.workspace.MemberRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A member who leaves keeps no cases: theirs stay open in the inbox, without an owner. */
@Component
class MemberRemovedListener {

    private final CaseRepository cases;
    private final Clock clock;

    MemberRemovedListener(CaseRepository cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @EventListener
    void on(MemberRemoved event) {
        cases.unassign(event.workspaceId(), event.email(), clock.instant());
    }
}
