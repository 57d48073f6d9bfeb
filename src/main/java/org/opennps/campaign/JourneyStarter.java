package org.opennps.campaign;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opennps.event.EventsIngested;
import org.opennps.event.IngestedEvent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns stored events into journeys: an event of a campaign's trigger type that meets its
 * conditions starts a journey (once per contact, campaign and event), and an exit event ends
 * the contact's waiting journeys of campaigns that list it. Runs after the events committed,
 * durably: an unfinished run is repeated after a restart, and repeating it changes nothing.
 */
@Component
class JourneyStarter {

    private final CampaignRepository campaigns;
    private final CampaignDefinitions definitions;
    private final JourneyRepository journeys;
    private final SchedulerClient scheduler;
    private final JsonMapper json;
    private final Clock clock;

    JourneyStarter(
            CampaignRepository campaigns,
            CampaignDefinitions definitions,
            JourneyRepository journeys,
            SchedulerClient scheduler,
            JsonMapper json,
            Clock clock) {
        this.campaigns = campaigns;
        this.definitions = definitions;
        this.journeys = journeys;
        this.scheduler = scheduler;
        this.json = json;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(EventsIngested ingested) {
        handle(ingested.workspaceId(), ingested.events());
    }

    /** Exits first, in event order, so an order cancelled in the same batch ends the journey it started. */
    void handle(UUID workspaceId, List<IngestedEvent> events) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Set<String> types = new LinkedHashSet<>();
        events.forEach(e -> types.add(e.type()));
        List<CampaignRepository.Row> triggered = campaigns.activeFor(workspaceId, types);
        Map<UUID, List<Journey>> waiting = new HashMap<>();
        journeys.waitingOf(
                        workspaceId,
                        events.stream().map(IngestedEvent::contactId).collect(Collectors.toSet()))
                .forEach(j -> waiting.computeIfAbsent(j.contactId(), c -> new ArrayList<>())
                        .add(j));
        for (IngestedEvent event : events) {
            exit(event, waiting.getOrDefault(event.contactId(), List.of()), now);
            for (CampaignRepository.Row campaign : triggered) {
                if (campaign.triggerEventType().equals(event.type())) {
                    Journey started = start(workspaceId, campaign, event, now);
                    if (started != null) {
                        waiting.computeIfAbsent(started.contactId(), c -> new ArrayList<>())
                                .add(started);
                    }
                }
            }
        }
    }

    /** Starts the journey unless the event already started one; returns the new journey or null. */
    private Journey start(UUID workspaceId, CampaignRepository.Row campaign, IngestedEvent event, Instant now) {
        CampaignDefinition definition = definitions.get(campaign.id(), campaign.version());
        if (event.clientSourced()
                && !(definition.acceptClientEvents() && IngestedEvent.CLIENT_SIGNED.equals(event.source()))) {
            return null; // the public key starts nothing unless the campaign accepts signed client events
        }
        if (definition.audience() != null) {
            return resurvey(workspaceId, campaign, definition, event, now);
        }
        if (!definition.where().stream().allMatch(c -> c.test(event.properties()))) {
            return null;
        }
        return insert(workspaceId, campaign, event, event.id(), now);
    }

    /**
     * An audience campaign's milestone event: a contact whose enrollment journey completed (the
     * message went out) gets the re-survey journey, once per contact and campaign (its
     * trigger_event_id is fixed), so only the first such event after the message counts.
     */
    private Journey resurvey(
            UUID workspaceId,
            CampaignRepository.Row campaign,
            CampaignDefinition definition,
            IngestedEvent event,
            Instant now) {
        if (definition.resurvey() == null
                || !journeys.status(campaign.id(), event.contactId(), CampaignDefinition.AUDIENCE)
                        .map("completed"::equals)
                        .orElse(false)) {
            return null;
        }
        return insert(workspaceId, campaign, event, CampaignDefinition.RESURVEY, now);
    }

    private Journey insert(
            UUID workspaceId, CampaignRepository.Row campaign, IngestedEvent event, String triggerId, Instant now) {
        // a client event's properties are the sender's words: they decide the trigger's conditions
        // but are never carried into the journey, so they cannot reach a subject, body or header
        Map<String, Object> carried = event.clientSourced() ? Map.of() : event.properties();
        Journey journey = Journey.begin(
                workspaceId,
                campaign.id(),
                campaign.version(),
                event.contactId(),
                triggerId,
                json.writeValueAsString(carried),
                now);
        if (journeys.insertIfAbsent(journey)) {
            scheduler.scheduleIfNotExists(JourneyTask.instance(journey.id(), 0), now);
            return journey;
        }
        return null;
    }

    /** Ends the contact's waiting (or held) journeys whose campaign exits on this event, and forgets them. */
    private void exit(IngestedEvent event, List<Journey> waiting, Instant now) {
        for (var it = waiting.iterator(); it.hasNext(); ) {
            Journey journey = it.next();
            CampaignDefinition definition = definitions.get(journey.campaignId(), journey.campaignVersion());
            if (definition.exitOn().contains(event.type())) {
                journeys.exit(journey.id(), "exit event " + event.type() + " (" + event.id() + ")", now);
                it.remove();
            }
        }
    }
}
