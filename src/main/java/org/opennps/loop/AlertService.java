package org.opennps.loop;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opennps.response.ResponseRecorded;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.NotFoundException;
import org.opennps.shared.OutboundGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Entry point for alert rules: their management, and their evaluation against responses. */
@Service
public class AlertService {

    private static final Logger log = LoggerFactory.getLogger(AlertService.class);

    private final AlertRuleRepository rules;
    private final CaseService cases;
    private final AlertNotifier notifier;
    private final Clock clock;
    private final OutboundGuard guard;

    AlertService(
            AlertRuleRepository rules, CaseService cases, AlertNotifier notifier, Clock clock, OutboundGuard guard) {
        this.guard = guard;
        this.rules = rules;
        this.cases = cases;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Transactional
    public AlertRule create(UUID workspaceId, JsonNode body) {
        AlertRuleReader.Draft draft = checkedTargets(AlertRuleReader.read(body));
        UUID id = UUID.randomUUID();
        rules.insert(workspaceId, id, draft, clock.instant());
        return get(workspaceId, id);
    }

    @Transactional
    public AlertRule replace(UUID workspaceId, UUID id, JsonNode body) {
        AlertRuleReader.Draft draft = checkedTargets(AlertRuleReader.read(body));
        if (rules.update(workspaceId, id, draft, clock.instant()) == 0) {
            throw new NotFoundException("Alert rule");
        }
        return get(workspaceId, id);
    }

    /** Webhook and Slack targets must be addresses the server may call (422 on the target). */
    private AlertRuleReader.Draft checkedTargets(AlertRuleReader.Draft draft) {
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < draft.targets().size(); i++) {
            Notify target = draft.targets().get(i);
            if (!"email".equals(target.type())) {
                String field = "notify[" + i + "]." + target.type();
                guard.problem(target.target()).ifPresent(p -> violations.add(new FieldViolation(field, p)));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return draft;
    }

    @Transactional
    public void delete(UUID workspaceId, UUID id) {
        if (rules.delete(workspaceId, id) == 0) {
            throw new NotFoundException("Alert rule");
        }
    }

    /** The rules as the Settings page edits them. */
    List<RuleForm> forms(UUID workspaceId) {
        return rules.all(workspaceId).stream().map(RuleForm::of).toList();
    }

    /**
     * Saves a rule from the Settings form (new when its id is null), keeping the conditions and
     * targets the form does not show. The caller checks {@link RuleForm#problems()} first.
     */
    @Transactional
    AlertRule save(UUID workspaceId, RuleForm form) {
        AlertRuleRepository.Stored stored = form.id() == null
                ? null
                : rules.find(workspaceId, form.id()).orElseThrow(() -> new NotFoundException("Alert rule"));
        var w = stored == null
                ? new AlertConditions(List.of(), null, null, null, null, List.of(), null, null, List.of())
                : stored.when();
        var when = new AlertConditions(
                form.categories(),
                w.scoreMin(),
                w.scoreMax(),
                w.answerQuestion(),
                w.answerEquals(),
                w.commentContains(),
                w.attributeName(),
                w.attributeEquals(),
                w.channel());
        List<Notify> targets = new java.util.ArrayList<>();
        form.emailList()
                .forEach(e -> targets.add(new Notify("email", org.opennps.shared.TextRules.normaliseEmail(e), null)));
        if (stored != null) {
            stored.targets().stream().filter(t -> !t.type().equals("email")).forEach(targets::add);
        }
        var draft = new AlertRuleReader.Draft(
                form.name().trim(), when, targets, form.createCase(), form.due().toString(), form.active());
        UUID id = form.id() == null ? UUID.randomUUID() : form.id();
        if (stored == null) {
            rules.insert(workspaceId, id, draft, clock.instant());
        } else {
            rules.update(workspaceId, id, draft, clock.instant());
        }
        return get(workspaceId, id);
    }

    public AlertRule get(UUID workspaceId, UUID id) {
        return rules.find(workspaceId, id)
                .map(AlertRuleRepository.Stored::view)
                .orElseThrow(() -> new NotFoundException("Alert rule"));
    }

    public List<AlertRule> list(UUID workspaceId) {
        return rules.all(workspaceId).stream()
                .map(AlertRuleRepository.Stored::view)
                .toList();
    }

    /**
     * Fires every active rule the response now meets and has not fired for before: opens its
     * case and queues its notifications, in one transaction, so a redelivered event fires
     * nothing twice. Returns how many rules fired.
     */
    @Transactional
    public int evaluate(ResponseRecorded response) {
        int fired = 0;
        for (AlertRuleRepository.Stored rule : rules.active(response.workspaceId())) {
            if (!rule.when().matches(response) || !rules.fireOnce(rule.id(), response.responseId(), clock.instant())) {
                continue;
            }
            fired++;
            FeedbackCase opened = rule.createCase()
                    ? cases.open(response.workspaceId(), response.responseId(), rule.id(), Duration.parse(rule.dueIn()))
                    : null;
            notifier.notify(rule, response, opened);
            log.info("Alert rule {} fired for response {}", rule.id(), response.responseId());
        }
        return fired;
    }
}
