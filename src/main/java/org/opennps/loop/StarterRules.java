package org.opennps.loop;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.opennps.workspace.WorkspaceCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A team's new workspace starts with one rule, so a detractor never goes unnoticed: every
 * detractor opens a case due in 24 hours. It is shown and editable like any other rule.
 */
@Component
class StarterRules {

    static final String DETRACTOR_RULE = "Detractors open a case";

    private final AlertRuleRepository rules;
    private final Clock clock;

    StarterRules(AlertRuleRepository rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @EventListener
    void on(WorkspaceCreated event) {
        if (event.starterSetup()) {
            add(event.workspaceId());
        }
    }

    void add(UUID workspaceId) {
        var when = new AlertConditions(List.of("detractor"), null, null, null, null, List.of(), null, null, List.of());
        rules.insert(
                workspaceId,
                UUID.randomUUID(),
                new AlertRuleReader.Draft(DETRACTOR_RULE, when, List.of(), true, "PT24H", true),
                clock.instant());
    }
}
