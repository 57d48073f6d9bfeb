package org.opennps.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opennps.contact.Contact;
import org.opennps.workspace.WorkspaceService;
import org.springframework.stereotype.Component;

/**
 * Walks a campaign's steps for one event as a journey would, moving a simulated clock through
 * delays and send windows, evaluating filters and fatigue without counting or sending.
 * Filters look at the data as it is now: events expected later are not yet there.
 */
@Component
class CampaignPreview {

    private final FilterEvaluator filters;
    private final FatiguePolicy fatigue;
    private final WorkspaceService workspaces;

    private final PrecisionSampling sampling;

    CampaignPreview(
            FilterEvaluator filters, FatiguePolicy fatigue, WorkspaceService workspaces, PrecisionSampling sampling) {
        this.sampling = sampling;
        this.filters = filters;
        this.fatigue = fatigue;
        this.workspaces = workspaces;
    }

    PreviewResult preview(
            UUID workspaceId,
            UUID campaignId,
            CampaignDefinition campaign,
            String status,
            String eventType,
            Contact contact,
            Map<String, Object> trigger,
            Instant now) {
        if (campaign.audience() != null) {
            return new PreviewResult(
                    false,
                    "an audience campaign: people are enrolled from past responses when it is activated",
                    List.of(),
                    "nothing");
        }
        if (!campaign.triggerEventType().equals(eventType)) {
            return new PreviewResult(
                    false, "campaign is triggered by " + campaign.triggerEventType(), List.of(), "nothing");
        }
        for (Condition c : campaign.where()) {
            if (!c.test(trigger)) {
                return new PreviewResult(
                        false, "trigger condition " + c.describe() + " is false", List.of(), "nothing");
            }
        }
        String reason =
                "active".equals(status) ? null : "campaign is " + status + ": no journey starts until activated";
        List<PreviewResult.StepPreview> steps = new ArrayList<>();
        ZoneId shown = workspaces.get(workspaceId).zone();
        Instant at = now;
        for (int i = 0; i < campaign.steps().size(); i++) {
            Step step = campaign.steps().get(i);
            switch (step) {
                case Step.Delay d -> {
                    at = at.plus(d.duration());
                    steps.add(step(i, step, "wait", "until " + time(at, shown), at));
                }
                case Step.WaitUntil w -> {
                    Instant opens = WaitWindow.next(w, at, zoneOf(workspaceId, contact));
                    steps.add(step(
                            i,
                            step,
                            opens.isAfter(at) ? "wait" : "pass",
                            "window open from " + time(opens, shown),
                            opens));
                    at = opens;
                }
                case Step.Filter f -> {
                    var verdict = filters.evaluate(workspaceId, f, contact, trigger, at);
                    if (!verdict.passed()) {
                        steps.add(step(i, step, "stop", verdict.reason(), at));
                        return new PreviewResult(reason == null, reason, steps, "stopped by filter at step " + (i + 1));
                    }
                    steps.add(step(i, step, "pass", "all conditions hold", at));
                }
                case Step.Action a -> {
                    FatigueDecision decision = fatigue.decide(
                            workspaceId,
                            contact,
                            campaignId,
                            sampling.previewPercent(workspaceId, campaignId, campaign),
                            campaign.dailyCap(),
                            a.invites(),
                            false);
                    if (!decision.allowed()) {
                        steps.add(step(i, step, "stop", "suppressed: " + decision.reason(), at));
                        return new PreviewResult(reason == null, reason, steps, "suppressed: " + decision.reason());
                    }
                    String what = a.action() + " to "
                            + (contact.email() == null ? "contact " + contact.id() : contact.email());
                    steps.add(step(i, step, "pass", "would " + what + " on " + time(at, shown), at));
                    return new PreviewResult(reason == null, reason, steps, "would " + what);
                }
            }
        }
        return new PreviewResult(reason == null, reason, steps, "no action");
    }

    private static PreviewResult.StepPreview step(int i, Step step, String result, String detail, Instant at) {
        return new PreviewResult.StepPreview(i, i + 1, step.type(), result, detail, at);
    }

    /** "Tue 24 Nov 2026, 10:00 (Europe/Warsaw)": to the minute, in the workspace's zone. */
    static String time(Instant at, ZoneId zone) {
        return TIME.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private ZoneId zoneOf(UUID workspaceId, Contact contact) {
        return contact.timeZone() != null
                ? ZoneId.of(contact.timeZone())
                : workspaces.get(workspaceId).zone();
    }
}
