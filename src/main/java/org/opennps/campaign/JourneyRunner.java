package org.opennps.campaign;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennps.contact.Contact;
import org.opennps.contact.ContactService;
import org.opennps.workspace.WorkspaceService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the due step of a journey, then every following step that is due at once, in one
 * transaction holding the journey's row lock. The step index in the row makes a step run once:
 * a repeated or late execution of the same step finds the journey moved on and does nothing,
 * and the next step is scheduled in the same transaction, so it exists exactly when this one
 * committed.
 */
@Service
class JourneyRunner {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    /** What one execution did. */
    enum Result {
        ALREADY_DONE,
        WAITING,
        HELD,
        FINISHED
    }

    private final JourneyRepository journeys;
    private final CampaignRepository campaigns;
    private final CampaignDefinitions definitions;
    private final ContactService contacts;
    private final WorkspaceService workspaces;
    private final FilterEvaluator filters;
    private final FatiguePolicy fatigue;
    private final JourneyActions actions;
    private final SchedulerClient scheduler;
    private final JsonMapper json;
    private final Clock clock;

    JourneyRunner(
            JourneyRepository journeys,
            CampaignRepository campaigns,
            CampaignDefinitions definitions,
            ContactService contacts,
            WorkspaceService workspaces,
            FilterEvaluator filters,
            FatiguePolicy fatigue,
            JourneyActions actions,
            SchedulerClient scheduler,
            JsonMapper json,
            Clock clock) {
        this.journeys = journeys;
        this.campaigns = campaigns;
        this.definitions = definitions;
        this.contacts = contacts;
        this.workspaces = workspaces;
        this.filters = filters;
        this.fatigue = fatigue;
        this.actions = actions;
        this.scheduler = scheduler;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    Result run(UUID journeyId, int stepIndex) {
        return run(journeyId, stepIndex, 0);
    }

    /**
     * Runs the step if the journey still waits at it in generation {@code resumes}; an execution
     * of an earlier generation (from before a hold) does nothing.
     */
    @Transactional
    Result run(UUID journeyId, int stepIndex, int resumes) {
        Optional<Journey> locked = journeys.lock(journeyId);
        if (locked.isEmpty()
                || !locked.get().waiting()
                || locked.get().stepIndex() != stepIndex
                || locked.get().resumes() != resumes) {
            return Result.ALREADY_DONE;
        }
        Journey journey = locked.get();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CampaignDefinition campaign = definitions.get(journey.campaignId(), journey.campaignVersion());
        if (CampaignDefinition.RESURVEY.equals(journey.triggerEventId()) && campaign.resurvey() != null) {
            campaign = campaign.resurveyJourney();
        }
        String status = campaigns.status(journey.campaignId()).orElse("deleted");
        if (!"active".equals(status)) {
            return hold(journey, campaign, stepIndex, status, now);
        }
        Optional<Contact> contact = contacts.find(journey.workspaceId(), journey.contactId());
        if (contact.isEmpty()) {
            journeys.finish(journeyId, stepIndex, "stopped", "contact erased", null, now);
            return Result.FINISHED;
        }
        Map<String, Object> trigger = json.readValue(journey.triggerProperties(), MAP);
        return proceed(journey, campaign, contact.get(), trigger, stepIndex, now);
    }

    private Result proceed(
            Journey journey,
            CampaignDefinition campaign,
            Contact contact,
            Map<String, Object> trigger,
            int from,
            Instant now) {
        for (int i = from; i < campaign.steps().size(); i++) {
            switch (campaign.steps().get(i)) {
                case Step.Delay delay -> {
                    return waitUntil(journey, i + 1, now.plus(delay.duration()), now);
                }
                case Step.WaitUntil window -> {
                    Instant opens = WaitWindow.next(window, now, zoneOf(journey.workspaceId(), contact));
                    if (opens.isAfter(now)) {
                        return waitUntil(journey, i + 1, opens, now);
                    }
                }
                case Step.Filter filter -> {
                    var verdict = filters.evaluate(journey.workspaceId(), filter, contact, trigger, now);
                    if (!verdict.passed()) {
                        journeys.finish(journey.id(), i, "stopped", "filter: " + verdict.reason(), null, now);
                        return Result.FINISHED;
                    }
                }
                case Step.Action action -> {
                    return act(journey, campaign, action, contact, trigger, i, now);
                }
            }
        }
        journeys.finish(journey.id(), campaign.steps().size(), "completed", "no action", null, now);
        return Result.FINISHED;
    }

    private Result act(
            Journey journey,
            CampaignDefinition campaign,
            Step.Action action,
            Contact contact,
            Map<String, Object> trigger,
            int index,
            Instant now) {
        FatigueDecision decision = fatigue.decide(
                journey.workspaceId(),
                contact,
                journey.campaignId(),
                campaign.samplingPercent(),
                campaign.dailyCap(),
                action.invites(),
                true);
        if (!decision.allowed()) {
            actions.suppress(journey, campaign, trigger, decision.reason());
            journeys.finish(journey.id(), index, "stopped", "suppressed: " + decision.reason(), null, now);
            return Result.FINISHED;
        }
        JourneyActions.Outcome outcome = actions.perform(journey, campaign, contact, trigger);
        journeys.finish(journey.id(), index, outcome.status(), outcome.detail(), outcome.invited() ? now : null, now);
        return Result.FINISHED;
    }

    private Result waitUntil(Journey journey, int nextStep, Instant due, Instant now) {
        journeys.waitFor(journey.id(), nextStep, due, now);
        scheduler.scheduleIfNotExists(JourneyTask.instance(journey.id(), nextStep, journey.resumes()), due);
        return Result.WAITING;
    }

    /**
     * Holds a journey that fell due while its campaign is paused (or back in draft): no step runs
     * and nothing is scheduled; activating the campaign resumes it. A journey held right after its
     * send window opened is held at the window step, so on resume the window is checked again
     * rather than acting at whatever hour the campaign is activated.
     */
    private Result hold(Journey journey, CampaignDefinition campaign, int stepIndex, String status, Instant now) {
        int at = stepIndex > 0 && campaign.steps().get(stepIndex - 1) instanceof Step.WaitUntil
                ? stepIndex - 1
                : stepIndex;
        journeys.hold(journey.id(), at, "held: campaign is " + status, now);
        return Result.HELD;
    }

    private ZoneId zoneOf(UUID workspaceId, Contact contact) {
        if (contact.timeZone() != null) {
            return ZoneId.of(contact.timeZone());
        }
        return workspaces.get(workspaceId).zone();
    }
}
