package org.opennps.campaign;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.opennps.contact.Contact;
import org.opennps.contact.ContactService;
import org.opennps.scheduling.ScheduledExecutions;
import org.opennps.shared.BatchedWrites;
import org.opennps.shared.JsonObjectText;
import org.opennps.survey.SurveyService;
import org.opennps.workspace.WorkspaceService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the due step of a journey, then every following step that is due at once, in one
 * transaction holding the journey's row lock. The step index in the row makes a step run once:
 * a repeated or late execution of the same step finds the journey moved on and does nothing,
 * and the next step is scheduled in the same transaction, so it exists exactly when this one
 * committed.
 *
 * <p>A burst of due journeys runs in batches: the execution of one journey's step also claims
 * other due journeys (locked with {@code skip locked} by id, see
 * {@link org.opennps.shared.DueCandidates}, so nodes and threads take disjoint batches on H2 and
 * PostgreSQL alike), runs them all in its transaction with the shared reads made once, and removes the
 * claimed journeys' own executions that no node picked yet. The batch's invitations, outbox rows
 * and journey updates go to the database as one JDBC batch per statement just before it commits
 * ({@link BatchedWrites}). The batch commits or rolls back as a whole: a crash half-way leaves
 * every claimed journey waiting, with its execution, as before.
 */
@Service
class JourneyRunner {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JourneyRunner.class);

    /** How long a journey whose step failed when run alone stays out of other executions' batches. */
    static final java.time.Duration KEPT_OUT = java.time.Duration.ofHours(1);

    /** At most this many such journeys are remembered; past it, a newly failing one is not. */
    static final int KEPT_OUT_MAX = 10_000;

    /**
     * Journeys whose step failed when run alone, with until when: batches claim around them, so one
     * journey that cannot run does not roll back batch after batch of others. Per node, in memory:
     * after a restart a node learns it again from one failed batch and one failed lone run.
     */
    private final Map<UUID, Instant> failedAlone = new java.util.concurrent.ConcurrentHashMap<>();

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
    private final SurveyService surveys;
    private final FilterEvaluator filters;
    private final FatiguePolicy fatigue;
    private final JourneyActions actions;
    private final SchedulerClient scheduler;
    private final ScheduledExecutions executions;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final PrecisionSampling sampling;
    private final BatchedWrites writes;

    JourneyRunner(
            JourneyRepository journeys,
            CampaignRepository campaigns,
            CampaignDefinitions definitions,
            ContactService contacts,
            WorkspaceService workspaces,
            SurveyService surveys,
            FilterEvaluator filters,
            FatiguePolicy fatigue,
            JourneyActions actions,
            SchedulerClient scheduler,
            ScheduledExecutions executions,
            TransactionTemplate tx,
            JsonMapper json,
            Clock clock,
            PrecisionSampling sampling,
            BatchedWrites writes) {
        this.sampling = sampling;
        this.writes = writes;
        this.journeys = journeys;
        this.campaigns = campaigns;
        this.definitions = definitions;
        this.contacts = contacts;
        this.workspaces = workspaces;
        this.surveys = surveys;
        this.filters = filters;
        this.fatigue = fatigue;
        this.actions = actions;
        this.scheduler = scheduler;
        this.executions = executions;
        this.tx = tx;
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
        if (locked.isEmpty() || !at(locked.get(), stepIndex, resumes)) {
            return Result.ALREADY_DONE;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return step(locked.get(), batchOf(List.of(locked.get())), now);
    }

    /**
     * What the scheduler runs for one execution: the journey's step in a batch of up to {@code
     * limit} due journeys; if the batch fails (its transaction rolled back whole), the journey
     * alone, and the others keep their executions and run on their own. If the journey fails
     * alone too, it is kept out of other executions' batches for {@link #KEPT_OUT} and the failure
     * goes to the scheduler, which retries the execution later.
     */
    void execute(UUID journeyId, int stepIndex, int resumes, int limit) {
        try {
            runBatch(journeyId, stepIndex, resumes, limit, ran -> {});
        } catch (RuntimeException batchFailure) {
            log.warn(
                    "A batch of journey steps failed and was rolled back; running journey {} alone",
                    journeyId,
                    batchFailure);
            try {
                tx.execute(status -> run(journeyId, stepIndex, resumes));
            } catch (RuntimeException alone) {
                keepOutOfBatches(journeyId);
                throw alone;
            }
        }
    }

    /** Keeps the journey out of other executions' batches for a while (see {@link #execute}). */
    void keepOutOfBatches(UUID journeyId) {
        Instant now = clock.instant();
        if (failedAlone.size() >= KEPT_OUT_MAX) {
            failedAlone.values().removeIf(until -> !now.isBefore(until));
        }
        if (failedAlone.size() < KEPT_OUT_MAX) {
            failedAlone.put(journeyId, now.plus(KEPT_OUT));
            log.warn("Journey {} failed when run alone; other batches leave it out for {}", journeyId, KEPT_OUT);
        }
    }

    private boolean keptOut(UUID journeyId) {
        Instant until = failedAlone.get(journeyId);
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        failedAlone.remove(journeyId, until);
        return false;
    }

    /**
     * The scheduler's execution of one journey's step: runs it and up to {@code limit - 1} other
     * due journeys in one transaction. Returns how many journeys ran a step. {@code afterEach}
     * sees the count after each journey (tests use it to interrupt a batch half-way).
     */
    int runBatch(UUID journeyId, int stepIndex, int resumes, int limit, IntConsumer afterEach) {
        Integer ran = tx.execute(status -> {
            List<Journey> work = new ArrayList<>();
            journeys.lock(journeyId).filter(j -> at(j, stepIndex, resumes)).ifPresent(work::add);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            List<Journey> others = journeys.claimDue(now, journeyId, limit - work.size(), this::keptOut);
            work.addAll(others);
            JourneyBatch batch = batchOf(work);
            // No step reads what an earlier step of the batch wrote: the recontact windows and the
            // "not surveyed within" filter count invitations once sent, never one just issued.
            int count = writes.collecting(() -> {
                int done = 0;
                for (Journey journey : work) {
                    step(journey, batch, now);
                    afterEach.accept(++done);
                }
                return done;
            });
            executions.removeUnpicked(
                    JourneyTask.STEP.getTaskName(),
                    others.stream()
                            .map(j -> JourneyTask.instance(j.id(), j.stepIndex(), j.resumes())
                                    .getId())
                            .toList());
            return count;
        });
        return ran == null ? 0 : ran;
    }

    private static boolean at(Journey journey, int stepIndex, int resumes) {
        return journey.waiting() && journey.stepIndex() == stepIndex && journey.resumes() == resumes;
    }

    private JourneyBatch batchOf(List<Journey> work) {
        return new JourneyBatch(workspaces, surveys, campaigns, contacts, fatigue, work);
    }

    /** Runs the locked, waiting journey from its current step. */
    private Result step(Journey journey, JourneyBatch batch, Instant now) {
        int stepIndex = journey.stepIndex();
        CampaignDefinition campaign = definitions.get(journey.campaignId(), journey.campaignVersion());
        if (CampaignDefinition.RESURVEY.equals(journey.triggerEventId()) && campaign.resurvey() != null) {
            campaign = campaign.resurveyJourney();
        }
        String status = batch.campaignStatus(journey.campaignId());
        if (!"active".equals(status)) {
            return hold(journey, campaign, stepIndex, status, now);
        }
        Optional<Contact> contact = batch.contact(journey.workspaceId(), journey.contactId());
        if (contact.isEmpty()) {
            journeys.finish(journey.id(), stepIndex, "stopped", "contact erased", null, now);
            return Result.FINISHED;
        }
        // parsed only if a step reads it; the invitation stores the same text
        Map<String, Object> trigger = new JsonObjectText(journey.triggerProperties(), json);
        return proceed(journey, campaign, contact.get(), trigger, stepIndex, now, batch);
    }

    private Result proceed(
            Journey journey,
            CampaignDefinition campaign,
            Contact contact,
            Map<String, Object> trigger,
            int from,
            Instant now,
            JourneyBatch batch) {
        for (int i = from; i < campaign.steps().size(); i++) {
            switch (campaign.steps().get(i)) {
                case Step.Delay delay -> {
                    return waitUntil(journey, i + 1, now.plus(delay.duration()), now);
                }
                case Step.WaitUntil window -> {
                    Instant opens = WaitWindow.next(window, now, zoneOf(batch, journey.workspaceId(), contact));
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
                    return act(journey, campaign, action, contact, trigger, i, now, batch);
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
            Instant now,
            JourneyBatch batch) {
        FatigueDecision decision = fatigue.decide(
                batch.workspace(journey.workspaceId()),
                contact,
                journey.campaignId(),
                batch.samplingPercent(journey, campaign, sampling),
                campaign.dailyCap(),
                action.invites(),
                true,
                batch.history(journey.workspaceId()));
        if (!decision.allowed()) {
            actions.suppress(journey, campaign, trigger, decision.reason(), batch);
            journeys.finish(journey.id(), index, "stopped", "suppressed: " + decision.reason(), null, now);
            return Result.FINISHED;
        }
        JourneyActions.Outcome outcome = actions.perform(journey, campaign, contact, trigger, batch);
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

    private static ZoneId zoneOf(JourneyBatch batch, UUID workspaceId, Contact contact) {
        if (contact.timeZone() != null) {
            return ZoneId.of(contact.timeZone());
        }
        return batch.workspace(workspaceId).zone();
    }
}
