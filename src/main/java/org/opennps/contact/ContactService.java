package org.opennps.contact;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntFunction;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.NotFoundException;
import org.opennps.shared.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Entry point of the contact module: upserts, look-ups, unsubscribes and erasure. */
@Service
public class ContactService {

    /** A contact after an upsert, and whether the upsert created it. */
    public record Upserted(Contact contact, boolean created) {}

    private final ContactRepository contacts;
    private final BounceRepository bounces;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContactService(
            ContactRepository contacts, BounceRepository bounces, ApplicationEventPublisher events, Clock clock) {
        this.bounces = bounces;
        this.contacts = contacts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Upserted upsert(UUID workspaceId, ContactInput input) {
        return upsertAll(workspaceId, List.of(input), i -> "").getFirst();
    }

    /** {@link #upsertAll(UUID, List, List, IntFunction)} with every input as of now. */
    @Transactional
    public List<Upserted> upsertAll(UUID workspaceId, List<ContactInput> inputs, IntFunction<String> pathOf) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return upsertAll(workspaceId, inputs, java.util.Collections.nCopies(inputs.size(), now), pathOf);
    }

    /**
     * Creates or updates the contacts of a batch in a few statements, matching on external id
     * then e-mail. Returns one result per input. Clashes (an e-mail that belongs to another
     * person) are reported at {@code pathOf(i) + ".email"} and nothing is written.
     *
     * <p>{@code asOf} gives, per input, the time its information is from (an event's
     * {@code occurred_at}). A contact keeps the time of the newest information applied to it:
     * inputs are applied in time order, and one older than what the contact already holds only
     * fills fields and attributes that are still empty, so the stored data is as of the latest
     * event whatever order concurrent requests commit in.
     *
     * <p>Concurrent batches sharing contacts do not deadlock on each other: the stored contacts
     * are locked ({@code for update}) in key order before they are read and merged, so no
     * update is lost, and new contacts are inserted in key order.
     */
    @Transactional
    public List<Upserted> upsertAll(
            UUID workspaceId, List<ContactInput> inputs, List<Instant> asOf, IntFunction<String> pathOf) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, List<Timed>> groups = new TreeMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            ContactInput input = inputs.get(i);
            groups.computeIfAbsent(input.key(), k -> new ArrayList<>())
                    .add(new Timed(input, asOf.get(i).truncatedTo(ChronoUnit.MICROS)));
        }
        Map<String, ContactInput> merged = new LinkedHashMap<>();
        groups.forEach((key, timed) -> {
            timed.sort(Comparator.comparing(Timed::at)); // stable: same time keeps request order
            merged.put(
                    key,
                    timed.stream().map(Timed::input).reduce(ContactInput::then).orElseThrow());
        });
        Map<UUID, Instant> asOfById = new HashMap<>();
        Index index = new Index(contacts.lockByKeys(
                workspaceId,
                merged.values().stream()
                        .map(ContactInput::externalId)
                        .filter(Objects::nonNull)
                        .sorted()
                        .distinct()
                        .toList(),
                merged.values().stream()
                        .map(ContactInput::email)
                        .filter(Objects::nonNull)
                        .sorted()
                        .distinct()
                        .toList(),
                asOfById));

        List<FieldViolation> violations = new ArrayList<>();
        Map<String, Upserted> byKey = new HashMap<>();
        Map<UUID, Contact> updates = new LinkedHashMap<>();
        List<Contact> creations = new ArrayList<>();
        for (var entry : merged.entrySet()) {
            ContactInput input = entry.getValue();
            Contact existing = index.match(input);
            String clash = index.clash(input, existing);
            if (clash != null) {
                int position = firstPosition(inputs, entry.getKey());
                String base = pathOf.apply(position);
                String path = base.isEmpty() ? "email" : base + ".email";
                violations.add(new FieldViolation(path, clash));
                continue;
            }
            List<Timed> timed = groups.get(entry.getKey());
            if (existing == null) {
                Timed first = timed.getFirst();
                Contact created = ContactMerge.create(first.input(), now);
                asOfById.put(created.id(), first.at());
                created = fold(created, timed.subList(1, timed.size()), asOfById, now);
                creations.add(created);
                index.add(created);
                byKey.put(entry.getKey(), new Upserted(created, true));
            } else {
                Instant before = asOfById.get(existing.id());
                Contact updated = fold(existing, timed, asOfById, now);
                if (!ContactMerge.sameData(existing, updated) || !Objects.equals(before, asOfById.get(existing.id()))) {
                    updates.put(updated.id(), updated);
                    index.add(updated);
                }
                byKey.put(entry.getKey(), new Upserted(updated, false));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (!creations.isEmpty()) {
            boolean[] inserted = contacts.insertIfAbsent(workspaceId, creations, asOfById);
            for (int i = 0; i < inserted.length; i++) {
                if (!inserted[i]) {
                    Contact raced = creations.get(i);
                    String key = keyOf(merged, raced);
                    Contact winner = contacts.lockByKeys(
                                    workspaceId,
                                    raced.externalId() == null ? List.of() : List.of(raced.externalId()),
                                    raced.email() == null ? List.of() : List.of(raced.email()),
                                    asOfById)
                            .getFirst();
                    Contact updated = fold(winner, groups.get(key), asOfById, now);
                    updates.put(updated.id(), updated);
                    byKey.put(key, new Upserted(updated, false));
                }
            }
        }
        if (!updates.isEmpty()) {
            contacts.updateAll(workspaceId, List.copyOf(updates.values()), asOfById);
        }
        return inputs.stream().map(i -> byKey.get(i.key())).toList();
    }

    /** One input and the time its information is from. */
    private record Timed(ContactInput input, Instant at) {}

    /**
     * Applies inputs, oldest first, to a contact whose data is as of {@code asOfById}: one at
     * least as new replaces and moves that time on; an older one only fills what is empty.
     */
    private static Contact fold(Contact contact, List<Timed> timed, Map<UUID, Instant> asOfById, Instant now) {
        Contact result = contact;
        for (Timed t : timed) {
            if (!ContactMerge.carriesData(t.input())) {
                continue;
            }
            Instant held = asOfById.get(result.id());
            if (held == null || !t.at().isBefore(held)) {
                result = ContactMerge.apply(result, t.input(), now);
                asOfById.put(result.id(), t.at());
            } else {
                result = ContactMerge.fill(result, t.input(), now);
            }
        }
        return result;
    }

    public Optional<Contact> find(UUID workspaceId, UUID id) {
        return contacts.find(workspaceId, id);
    }

    /** The workspace's contacts among these ids, in one query (for listings that name people). */
    public List<Contact> findAll(UUID workspaceId, java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : contacts.findByIds(workspaceId, ids);
    }

    public Contact get(UUID workspaceId, UUID id) {
        return find(workspaceId, id).orElseThrow(() -> new NotFoundException("Contact"));
    }

    public Optional<Contact> findByExternalId(UUID workspaceId, String externalId) {
        return contacts.findByExternalId(workspaceId, externalId);
    }

    public Optional<Contact> findByEmail(UUID workspaceId, String email) {
        return contacts.findByEmail(workspaceId, email);
    }

    public PageResult<Contact> list(UUID workspaceId, String search, PageResult.Request page) {
        return contacts.list(workspaceId, search == null || search.isBlank() ? null : search.trim(), page);
    }

    /** Contacts oldest first, filtered and paged by a keyset cursor (see {@link ContactQuery}). */
    public List<Contact> listOldestFirst(UUID workspaceId, ContactQuery query) {
        return contacts.listOldestFirst(workspaceId, query);
    }

    /** People who opted out, earliest first; {@code since}/{@code until} bound the opt-out time. */
    public PageResult<Contact> listUnsubscribed(
            UUID workspaceId, Instant since, Instant until, PageResult.Request page) {
        return contacts.listMarked(workspaceId, "unsubscribed_at", since, until, page);
    }

    /** People whose e-mail bounced, earliest first; {@code since}/{@code until} bound the bounce time. */
    public PageResult<Contact> listBounced(UUID workspaceId, Instant since, Instant until, PageResult.Request page) {
        return contacts.listMarked(workspaceId, "bounced_at", since, until, page);
    }

    /** Opts the person out of every survey on every channel; returns false if already out. */
    @Transactional
    public boolean unsubscribe(UUID workspaceId, UUID contactId) {
        get(workspaceId, contactId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean changed = contacts.markUnsubscribed(workspaceId, contactId, now) > 0;
        if (changed) {
            events.publishEvent(new ContactUnsubscribed(workspaceId, contactId, now));
        }
        return changed;
    }

    @Transactional
    public void markBounced(UUID workspaceId, UUID contactId) {
        contacts.markBounced(workspaceId, contactId, clock.instant());
    }

    /**
     * Records a bounce or complaint for an address of the workspace: a hard bounce marks its
     * contact bounced (no survey or message in any channel from now on, reason {@code bounced}),
     * a complaint unsubscribes it (reason {@code unsubscribed}), a soft bounce is only recorded.
     * An address with no contact is recorded too.
     *
     * @param occurredAt when the provider saw it (null: now)
     */
    @Transactional
    public Bounce recordBounce(
            UUID workspaceId, String email, String type, String source, String reason, Instant occurredAt) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String address = email.trim().toLowerCase(java.util.Locale.ROOT);
        Optional<Contact> contact = contacts.findByEmail(workspaceId, address);
        contact.ifPresent(c -> {
            if (Bounce.HARD.equals(type) && c.bouncedAt() == null) {
                contacts.markBounced(workspaceId, c.id(), now);
            } else if (Bounce.COMPLAINT.equals(type) && c.unsubscribedAt() == null) {
                unsubscribe(workspaceId, c.id());
            }
        });
        Bounce bounce = new Bounce(
                UUID.randomUUID(),
                address,
                type,
                source,
                contact.map(Contact::id).orElse(null),
                reason == null ? null : reason.substring(0, Math.min(500, reason.length())),
                occurredAt == null ? now : occurredAt.truncatedTo(ChronoUnit.MICROS),
                now);
        bounces.insert(workspaceId, bounce);
        return bounce;
    }

    /** The workspace's bounce and complaint notifications, newest first, optionally of one type. */
    public PageResult<Bounce> bounces(UUID workspaceId, String type, PageResult.Request page) {
        return bounces.list(workspaceId, type, page);
    }

    /**
     * Erases the person: other modules remove their personal data on {@link ContactErased}
     * within this transaction, then the contact and its events go.
     */
    @Transactional
    public void erase(UUID workspaceId, UUID contactId) {
        Contact erased = get(workspaceId, contactId);
        events.publishEvent(new ContactErased(workspaceId, contactId));
        bounces.deleteOf(workspaceId, contactId, erased.email());
        contacts.delete(workspaceId, contactId);
    }

    private static int firstPosition(List<ContactInput> inputs, String key) {
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).key().equals(key)) {
                return i;
            }
        }
        return 0;
    }

    private static String keyOf(Map<String, ContactInput> merged, Contact contact) {
        return contact.externalId() != null ? "x:" + contact.externalId() : "e:" + contact.email();
    }

    /** Stored contacts of one batch by external id and by e-mail. */
    private static final class Index {
        private final Map<String, Contact> byExternalId = new HashMap<>();
        private final Map<String, Contact> byEmail = new HashMap<>();

        Index(List<Contact> found) {
            found.forEach(this::add);
        }

        void add(Contact c) {
            if (c.externalId() != null) {
                byExternalId.put(c.externalId(), c);
            }
            if (c.email() != null) {
                byEmail.put(c.email(), c);
            }
        }

        Contact match(ContactInput input) {
            if (input.externalId() != null) {
                Contact byId = byExternalId.get(input.externalId());
                if (byId != null) {
                    return byId;
                }
                Contact byMail = input.email() == null ? null : byEmail.get(input.email());
                return byMail != null && byMail.externalId() == null ? byMail : null;
            }
            return byEmail.get(input.email());
        }

        /** Why the input cannot be applied to {@code existing}, or null if it can. */
        String clash(ContactInput input, Contact existing) {
            if (input.email() == null) {
                return null;
            }
            Contact owner = byEmail.get(input.email());
            if (owner != null && (existing == null || !owner.id().equals(existing.id()))) {
                return "belongs to another contact (external_id " + owner.externalId() + ")";
            }
            return null;
        }
    }
}
