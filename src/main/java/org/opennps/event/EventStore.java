package org.opennps.event;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.contact.ContactInput;
import org.opennps.contact.ContactService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Stores validated events atomically and announces the new ones. */
@Service
class EventStore {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final EventRepository events;
    private final ContactService contacts;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;
    private final IntakeContention contention;

    EventStore(
            EventRepository events,
            ContactService contacts,
            ApplicationEventPublisher publisher,
            JsonMapper json,
            Clock clock,
            IntakeContention contention) {
        this.events = events;
        this.contacts = contacts;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
        this.contention = contention;
    }

    /**
     * Stores validated events in one transaction: unknown contacts are created, known ones
     * updated with the attributes sent (as of the event's time: see
     * {@link ContactService#upsertAll(UUID, List, List, java.util.function.IntFunction)}); an event whose id the workspace has seen is counted as a
     * duplicate and not stored again. Either all new events are stored or none.
     */
    @Transactional
    IntakeResult store(UUID workspaceId, List<EventInput> inputs, boolean batch, String source) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        events.limitLockWaits(contention.lockTimeout());
        List<ContactInput> contactInputs =
                inputs.stream().map(EventInput::contact).toList();
        List<Instant> asOf = inputs.stream()
                .map(in -> in.occurredAt() != null ? in.occurredAt() : now)
                .toList();
        var resolved = contacts.upsertAll(
                workspaceId, contactInputs, asOf, i -> batch ? "events[" + i + "].contact" : "contact");

        List<EventRepository.Row> rows = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            EventInput in = inputs.get(i);
            rows.add(new EventRepository.Row(
                    in.id() != null ? in.id() : UUID.randomUUID().toString(),
                    in.type(),
                    resolved.get(i).contact().id(),
                    in.propertiesJson(),
                    in.occurredAt() != null ? in.occurredAt() : now));
        }
        boolean[] stored = events.insertNew(workspaceId, rows, now, source);

        List<IngestedEvent> fresh = new ArrayList<>();
        for (int i = 0; i < stored.length; i++) {
            if (stored[i]) {
                EventRepository.Row row = rows.get(i);
                JsonNode properties = inputs.get(i).properties();
                Map<String, Object> map =
                        properties == null || properties.isNull() ? Map.of() : json.convertValue(properties, MAP);
                fresh.add(new IngestedEvent(row.eventId(), row.type(), row.contactId(), map, row.occurredAt(), source));
            }
        }
        if (!fresh.isEmpty()) {
            publisher.publishEvent(new EventsIngested(workspaceId, List.copyOf(fresh)));
        }
        return new IntakeResult(fresh.size(), inputs.size() - fresh.size());
    }
}
