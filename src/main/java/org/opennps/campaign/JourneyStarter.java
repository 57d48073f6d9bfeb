package org.opennps.campaign;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
        for (IngestedEvent event : events) {
            exit(workspaceId, event, now);
            for (CampaignRepository.Row campaign : triggered) {
                if (campaign.triggerEventType().equals(event.type())) {
                    start(workspaceId, campaign, event, now);
                }
            }
        }
    }

    private void start(UUID workspaceId, CampaignRepository.Row campaign, IngestedEvent event, Instant now) {
        CampaignDefinition definition = definitions.get(campaign.id(), campaign.version());
        if (!definition.where().stream().allMatch(c -> c.test(event.properties()))) {
            return;
        }
        Journey journey = new Journey(
                UUID.randomUUID(),
                workspaceId,
                campaign.id(),
                campaign.version(),
                event.contactId(),
                event.id(),
                json.writeValueAsString(event.properties()),
                "waiting",
                0,
                now,
                null,
                now,
                now);
        if (journeys.insertIfAbsent(journey)) {
            scheduler.scheduleIfNotExists(JourneyTask.instance(journey.id(), 0), now);
        }
    }

    private void exit(UUID workspaceId, IngestedEvent event, Instant now) {
        for (Journey waiting : journeys.waitingOf(workspaceId, event.contactId())) {
            CampaignDefinition definition = definitions.get(waiting.campaignId(), waiting.campaignVersion());
            if (definition.exitOn().contains(event.type())) {
                journeys.exit(waiting.id(), "exit event " + event.type() + " (" + event.id() + ")", now);
            }
        }
    }
}
