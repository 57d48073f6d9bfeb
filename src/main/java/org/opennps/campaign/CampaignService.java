package org.opennps.campaign;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.analytics.AnalyticsService;
import org.opennps.analytics.SamplingPlan;
import org.opennps.contact.Contact;
import org.opennps.shared.ConflictException;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.NotFoundException;
import org.opennps.shared.OutboundGuard;
import org.opennps.shared.PageResult;
import org.opennps.survey.SurveyService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Entry point of the campaign module: campaign definitions, their status, previews and journeys. */
@Service
public class CampaignService {

    private final CampaignRepository campaigns;
    private final CampaignDefinitions definitions;
    private final JourneyRepository journeys;
    private final SurveyService surveys;
    private final CampaignPreview previews;
    private final SchedulerClient scheduler;
    private final AnalyticsService analytics;
    private final AudienceEnrolment enrolment;
    private final JsonMapper json;
    private final Clock clock;
    private final OutboundGuard guard;
    private final PrecisionSampling sampling;

    CampaignService(
            CampaignRepository campaigns,
            CampaignDefinitions definitions,
            JourneyRepository journeys,
            SurveyService surveys,
            CampaignPreview previews,
            SchedulerClient scheduler,
            AnalyticsService analytics,
            AudienceEnrolment enrolment,
            JsonMapper json,
            Clock clock,
            OutboundGuard guard,
            PrecisionSampling sampling) {
        this.sampling = sampling;
        this.enrolment = enrolment;
        this.guard = guard;
        this.scheduler = scheduler;
        this.analytics = analytics;
        this.campaigns = campaigns;
        this.definitions = definitions;
        this.journeys = journeys;
        this.surveys = surveys;
        this.previews = previews;
        this.json = json;
        this.clock = clock;
    }

    /** Creates a campaign; returns it as the API shows it. */
    @Transactional
    public CampaignView create(UUID workspaceId, SaveCampaign campaign) {
        campaign = withSecretsKept(campaign, null);
        CampaignDefinition d = validated(workspaceId, campaign);
        if (d.status().equals(CampaignStatus.ACTIVE.code())) {
            refuseUnsignedClientTrigger(campaign);
        }
        Instant now = now();
        UUID id = UUID.randomUUID();
        campaigns.insert(new CampaignRepository.Row(
                id,
                workspaceId,
                d.name(),
                d.surveyId(),
                d.status(),
                d.triggerEventType(),
                1,
                stored(campaign),
                now,
                now));
        if (d.status().equals(CampaignStatus.ACTIVE.code())) {
            enroll(workspaceId, id, now);
        }
        return get(workspaceId, id);
    }

    /**
     * Saves a new version. Journeys already running keep the version they started with; new
     * trigger events use this one. Without a status the status is kept.
     */
    @Transactional
    public CampaignView update(UUID workspaceId, UUID id, SaveCampaign campaign) {
        CampaignRepository.Row current = row(workspaceId, id);
        campaign = withSecretsKept(campaign, definitionOf(current));
        CampaignDefinition d = validated(workspaceId, campaign);
        CampaignStatus status = campaign.status() != null ? campaign.status() : CampaignStatus.of(current.status());
        if (status == CampaignStatus.ACTIVE) {
            refuseUnsignedClientTrigger(campaign);
        }
        boolean saved = campaigns.update(new CampaignRepository.Row(
                id,
                workspaceId,
                d.name(),
                d.surveyId(),
                status.code(),
                d.triggerEventType(),
                current.version() + 1,
                stored(campaign),
                current.createdAt(),
                now()));
        if (!saved) {
            throw new ConflictException("version", "The campaign was changed meanwhile; load it and try again.");
        }
        if (status == CampaignStatus.ACTIVE) {
            resumeHeld(id, now());
            enroll(workspaceId, id, now());
        }
        return get(workspaceId, id);
    }

    public CampaignView get(UUID workspaceId, UUID id) {
        return view(row(workspaceId, id));
    }

    /**
     * The share the campaign samples now: its {@code sampling_percent}, or for a precision target
     * the share planned from its answers (planned first when the plan is missing or old).
     */
    public CampaignSampling sampling(UUID workspaceId, UUID id) {
        CampaignRepository.Row row = row(workspaceId, id);
        CampaignDefinition d = definitions.get(row.id(), row.version());
        if (d.precision() == null) {
            return new CampaignSampling(
                    null, d.samplingPercent(), d.samplingPercent(), "sampling_percent", null, null, null, List.of());
        }
        PrecisionSampling.Share share = sampling.share(workspaceId, id, row.version(), d);
        SamplingPlan plan = share.plan();
        return new CampaignSampling(
                new SaveCampaign.Precision(d.precision().points(), d.precision().per()),
                d.samplingPercent(),
                share.sharePercent(),
                share.basedOn(),
                share.plannedAt(),
                plan == null ? null : plan.reachable(),
                plan == null ? null : plan.months(),
                plan == null ? List.of() : plan.segments());
    }

    public PageResult<CampaignView> list(UUID workspaceId, PageResult.Request page) {
        return campaigns.list(workspaceId, page).map(this::view);
    }

    /** {@code archived} true: only archived campaigns; false: the others; null: all. */
    public PageResult<CampaignView> list(UUID workspaceId, Boolean archived, PageResult.Request page) {
        return campaigns.list(workspaceId, archived, page).map(this::view);
    }

    /**
     * Active: matching events start journeys, and journeys held while the campaign was paused
     * resume now. Paused: none start, and journeys falling due are held.
     */
    @Transactional
    public CampaignView setStatus(UUID workspaceId, UUID id, CampaignStatus status) {
        CampaignRepository.Row current = row(workspaceId, id);
        if (status == CampaignStatus.ACTIVE) {
            refuseUnsignedClientTrigger(definitionOf(current));
        }
        Instant now = now();
        campaigns.setStatus(workspaceId, id, status.code(), now);
        if (status == CampaignStatus.ACTIVE) {
            resumeHeld(id, now);
            enroll(workspaceId, id, now);
        }
        return get(workspaceId, id);
    }

    /**
     * Starts enrolling an audience campaign's matching contacts as a durable task (the request
     * returns at once; progress in the campaign's {@code enrolment}): one journey each, keyed
     * {@code (campaign, contact, "audience")}, so activating again, or a second node activating at
     * the same time, enrolls nobody twice; only contacts who newly match are added.
     */
    private void enroll(UUID workspaceId, UUID campaignId, Instant now) {
        CampaignRepository.Row row = campaigns.find(workspaceId, campaignId).orElseThrow();
        CampaignDefinition d = definitions.get(row.id(), row.version());
        if (d.audience() != null) {
            enrolment.start(workspaceId, campaignId, scheduler, now);
        }
    }

    /**
     * Moves every held journey of the campaign back to waiting and schedules its step, due now,
     * in a new generation. The conditional update lets one of two racing activations resume each
     * journey; the other one skips it.
     */
    private int resumeHeld(UUID campaignId, Instant now) {
        int resumed = 0;
        for (JourneyRepository.Held held : journeys.held(campaignId)) {
            if (journeys.resume(held.id(), held.resumes(), now)) {
                scheduler.scheduleIfNotExists(
                        JourneyTask.instance(held.id(), held.stepIndex(), held.resumes() + 1), now);
                resumed++;
            }
        }
        return resumed;
    }

    public PreviewResult preview(
            UUID workspaceId, UUID id, String eventType, Contact contact, Map<String, Object> properties) {
        CampaignRepository.Row row = row(workspaceId, id);
        CampaignDefinition d = definitions.get(row.id(), row.version());
        return previews.preview(workspaceId, id, d, row.status(), eventType, contact, properties, now());
    }

    public PageResult<Journey> journeys(UUID workspaceId, UUID id, JourneyStatus status, PageResult.Request page) {
        row(workspaceId, id);
        return journeys.list(workspaceId, id, status, page);
    }

    /**
     * Journeys per campaign, status and step in one grouped query: for one campaign (404 when it
     * is not the workspace's) or, with a null id, every campaign of the workspace.
     */
    public List<JourneyCount> journeyCounts(UUID workspaceId, UUID id) {
        if (id != null) {
            row(workspaceId, id);
        }
        return journeys.counts(workspaceId, id);
    }

    /**
     * A campaign whose trigger accepts events sent with the public key may only run when it also
     * requires a signed identity: otherwise anyone reading the key from a page could send an
     * event for any external id and have the server e-mail that person.
     */
    private static void refuseUnsignedClientTrigger(SaveCampaign campaign) {
        SaveCampaign.Trigger trigger = campaign.trigger();
        if (trigger != null
                && Boolean.TRUE.equals(trigger.acceptClientEvents())
                && !Boolean.TRUE.equals(trigger.requireSignedIdentity())) {
            throw new InvalidInputException(
                    "trigger.require_signed_identity",
                    "must be true to activate a campaign with accept_client_events: unsigned client events name"
                            + " any external id the sender likes");
        }
    }

    private CampaignDefinition validated(UUID workspaceId, SaveCampaign campaign) {
        List<FieldViolation> violations = new ArrayList<>();
        CampaignDefinition d = CampaignReader.read(json.valueToTree(campaign), violations);
        if (violations.isEmpty()
                && d.surveyId() != null
                && surveys.find(workspaceId, d.surveyId()).isEmpty()) {
            violations.add(new FieldViolation("survey_id", "no such survey in this workspace"));
        }
        if (violations.isEmpty()) {
            for (int i = 0; i < d.steps().size(); i++) {
                if (d.steps().get(i) instanceof Step.Action action && action.url() != null) {
                    String field = "steps[" + i + "].url";
                    guard.problem(action.url()).ifPresent(p -> violations.add(new FieldViolation(field, p)));
                }
            }
        }
        if (violations.isEmpty() && d.audience() != null) {
            if (d.audience().surveyId() != null
                    && surveys.find(workspaceId, d.audience().surveyId()).isEmpty()) {
                violations.add(new FieldViolation("audience.survey_id", "no such survey in this workspace"));
            }
            if (d.resurvey() != null
                    && surveys.find(workspaceId, d.resurvey().surveyId()).isEmpty()) {
                violations.add(new FieldViolation("resurvey.survey_id", "no such survey in this workspace"));
            }
            try {
                analytics.respondents(workspaceId, d.audience().query()); // names unknown areas and themes
            } catch (InvalidInputException e) {
                e.violations().forEach(v -> violations.add(new FieldViolation("audience." + v.field(), v.message())));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return d;
    }

    private CampaignRepository.Row row(UUID workspaceId, UUID id) {
        return campaigns.find(workspaceId, id).orElseThrow(() -> new NotFoundException("Campaign"));
    }

    /** The definition as saved, without status (which the campaign row holds). */
    private String stored(SaveCampaign campaign) {
        return json.writeValueAsString(campaign.withStatus(null));
    }

    private SaveCampaign definitionOf(CampaignRepository.Row row) {
        return json.readValue(row.definition(), SaveCampaign.class);
    }

    /**
     * The campaign with the webhook action's secret resolved (see {@link CampaignStep.Action}):
     * none given or the mask keeps the secret stored for the action of the current version, an
     * empty one removes it. On create there is nothing to keep, so a mask is refused.
     */
    private static SaveCampaign withSecretsKept(SaveCampaign campaign, SaveCampaign current) {
        if (campaign.steps() == null) {
            return campaign;
        }
        String storedSecret = current == null ? null : storedSecret(current);
        List<FieldViolation> violations = new ArrayList<>();
        List<CampaignStep> steps = new ArrayList<>();
        for (int i = 0; i < campaign.steps().size(); i++) {
            CampaignStep step = campaign.steps().get(i);
            if (step instanceof CampaignStep.Action a) {
                String given = a.secret();
                boolean masked = given != null && given.startsWith(CampaignStep.Action.MASK);
                String secret = given == null || masked ? storedSecret : given.isEmpty() ? null : given;
                if (masked && storedSecret == null) {
                    violations.add(new FieldViolation(
                            "steps[" + i + "].secret", "give the secret itself; no secret is stored to keep"));
                }
                step = new CampaignStep.Action(a.action(), a.subject(), a.body(), a.url(), secret);
            }
            steps.add(step);
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return campaign.withSteps(steps);
    }

    private static String storedSecret(SaveCampaign definition) {
        if (definition.steps() == null) {
            return null;
        }
        return definition.steps().stream()
                .filter(s -> s instanceof CampaignStep.Action a && a.secret() != null)
                .map(s -> ((CampaignStep.Action) s).secret())
                .findFirst()
                .orElse(null);
    }

    /** Secrets are never shown again: the last four characters behind the mask, and {@code secret_set}. */
    static String masked(String secret) {
        return CampaignStep.Action.MASK + (secret.length() > 8 ? secret.substring(secret.length() - 4) : "");
    }

    private CampaignView view(CampaignRepository.Row row) {
        SaveCampaign definition = definitionOf(row);
        if (definition.steps() != null) {
            definition = definition.withSteps(definition.steps().stream()
                    .map(s -> s instanceof CampaignStep.Action a && a.secret() != null
                            ? new CampaignStep.Action(
                                    a.action(), a.subject(), a.body(), a.url(), masked(a.secret()), true)
                            : s)
                    .toList());
        }
        CampaignView.Enrolment enrolment = this.enrolment
                .progress(row.workspaceId(), row.id())
                .map(p -> new CampaignView.Enrolment(
                        p.status(), p.matched(), p.enrolled(), p.startedAt(), p.finishedAt()))
                .orElse(null);
        return new CampaignView(
                row.id(),
                definition.withStatus(CampaignStatus.of(row.status())),
                row.version(),
                row.createdAt(),
                row.updatedAt(),
                enrolment);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
