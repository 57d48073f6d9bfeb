package org.opennps.webhook;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opennps.delivery.DeliveryService;
import org.opennps.delivery.WebhookAttempt;
import org.opennps.delivery.WebhookRequest;
import org.opennps.delivery.WebhookRetries;
import org.opennps.shared.ConflictException;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.opennps.shared.NotFoundException;
import org.opennps.shared.OutboundGuard;
import org.opennps.shared.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Entry point for outgoing webhook subscriptions and the events they receive. */
@Service
public class WebhookService {

    private static final Pattern URL = Pattern.compile("^https?://\\S{1,1990}$");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final SubscriptionRepository subscriptions;
    private final DeliveryService delivery;
    private final WebhookProperties properties;
    private final Clock clock;
    private final JsonMapper json;
    private final WebhookRetries retries;
    private final OutboundGuard guard;

    private final SubscriptionFormats formats;
    private final DelightedBodies delighted;

    WebhookService(
            SubscriptionRepository subscriptions,
            DeliveryService delivery,
            WebhookRetries retries,
            WebhookProperties properties,
            Clock clock,
            JsonMapper json,
            OutboundGuard guard,
            SubscriptionFormats formats,
            DelightedBodies delighted) {
        this.guard = guard;
        this.formats = formats;
        this.delighted = delighted;
        this.subscriptions = subscriptions;
        this.delivery = delivery;
        this.properties = properties;
        this.clock = clock;
        this.json = json;
        this.retries = retries;
    }

    /** {@code {"url", "events": […], "secret"}}; a secret is generated when none is given. */
    @Transactional
    public WebhookSubscription subscribe(UUID workspaceId, JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields f = JsonFields.of(body, "", violations);
        String url = f.string("url", 2000, true);
        if (url != null && !URL.matcher(url).matches()) {
            f.reject("url", "must be an http(s) URL");
        } else if (url != null) {
            guard.problem(url).ifPresent(problem -> f.reject("url", problem));
        }
        String format = f.has("format") ? f.string("format", 20, true) : SubscriptionFormats.OPENNPS;
        boolean delighted = SubscriptionFormats.DELIGHTED.equals(format);
        if (format != null && !delighted && !SubscriptionFormats.OPENNPS.equals(format)) {
            f.reject("format", "must be opennps or delighted");
        }
        List<String> events = new ArrayList<>();
        JsonNode list = f.raw("events");
        if (list == null || !list.isArray() || list.isEmpty()) {
            f.reject("events", "must list at least one of " + WebhookSubscription.EVENTS);
        } else {
            for (JsonNode e : list) {
                // a Delighted-format subscription names Delighted's events (or OpenNPS's they come from)
                String name = e.isString() && delighted
                        ? DelightedBodies.EVENTS.getOrDefault(e.stringValue(), e.stringValue())
                        : e.isString() ? e.stringValue() : null;
                boolean known = name != null
                        && (delighted
                                ? DelightedBodies.EVENTS.containsValue(name)
                                : WebhookSubscription.EVENTS.contains(name));
                if (!known) {
                    f.reject(
                            "events",
                            "must only hold "
                                    + (delighted ? DelightedBodies.EVENTS.keySet() : WebhookSubscription.EVENTS));
                    break;
                }
                events.add(name);
            }
        }
        String secret = f.string("secret", 200, false);
        if (secret != null && secret.length() < 16) {
            f.reject("secret", "must be at least 16 characters");
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        WebhookSubscription created = new WebhookSubscription(
                UUID.randomUUID(),
                url,
                List.copyOf(events.stream().distinct().toList()),
                true,
                null,
                0,
                clock.instant(),
                secret != null ? secret : newSecret());
        subscriptions.insert(workspaceId, created);
        formats.set(created.id(), format);
        return created;
    }

    public List<WebhookSubscription> list(UUID workspaceId) {
        return subscriptions.all(workspaceId).stream()
                .map(WebhookSubscription::withoutSecret)
                .toList();
    }

    public WebhookSubscription get(UUID workspaceId, UUID id) {
        return subscriptions
                .find(workspaceId, id)
                .map(WebhookSubscription::withoutSecret)
                .orElseThrow(() -> new NotFoundException("Webhook"));
    }

    @Transactional
    public void unsubscribe(UUID workspaceId, UUID id) {
        if (subscriptions.delete(workspaceId, id) == 0) {
            throw new NotFoundException("Webhook");
        }
        delivery.cancelWebhooks(workspaceId, reference(id, ""));
    }

    public PageResult<WebhookAttempt> deliveries(UUID workspaceId, UUID id, PageResult.Request page) {
        get(workspaceId, id);
        return delivery.webhookLog(workspaceId, reference(id, ""), page);
    }

    /**
     * Queues the event for every active subscription that names it. {@code occurrence} names
     * this occurrence (e.g. a response id and time), so a repeated call posts nothing twice.
     */
    @Transactional
    public int publish(UUID workspaceId, String event, String occurrence, Map<String, Object> data) {
        return publishTo(subscriptions.namingEvent(workspaceId, event), workspaceId, event, occurrence, data);
    }

    /**
     * {@link #publish} for many occurrences of one event in one workspace (a batch of sent
     * invitations): the subscriptions are looked up once for all of them.
     */
    @Transactional
    public int publishAll(UUID workspaceId, String event, Map<String, Map<String, Object>> dataByOccurrence) {
        List<WebhookSubscription> naming = subscriptions.namingEvent(workspaceId, event);
        int posted = 0;
        if (!naming.isEmpty()) {
            for (Map.Entry<String, Map<String, Object>> o : dataByOccurrence.entrySet()) {
                posted += publishTo(naming, workspaceId, event, o.getKey(), o.getValue());
            }
        }
        return posted;
    }

    private int publishTo(
            List<WebhookSubscription> naming,
            UUID workspaceId,
            String event,
            String occurrence,
            Map<String, Object> data) {
        int posted = 0;
        String dataJson = null;
        Map<UUID, String> formatOf = null;
        for (WebhookSubscription s : naming) {
            if (s.active()) {
                if (formatOf == null) {
                    formatOf = formats.of(workspaceId);
                }
                if (SubscriptionFormats.DELIGHTED.equals(formatOf.get(s.id()))) {
                    // Delighted announced a response once as created (its first score), then as updated
                    String once =
                            event.equals("response.scored") ? String.valueOf(data.get("response_id")) : occurrence;
                    delighted
                            .body(workspaceId, event, data)
                            .ifPresent(body -> delivery.queueWebhook(new WebhookRequest(
                                    workspaceId,
                                    reference(s.id(), event + ":" + once),
                                    s.url(),
                                    s.secret(),
                                    DelightedBodies.eventFor(event),
                                    data,
                                    body)));
                } else {
                    delivery.queueWebhook(new WebhookRequest(
                            workspaceId,
                            reference(s.id(), event + ":" + occurrence),
                            s.url(),
                            s.secret(),
                            event,
                            data));
                }
                posted++;
            } else {
                if (dataJson == null) {
                    dataJson = json.writeValueAsString(data);
                }
                Instant now = clock.instant();
                subscriptions.purgeMissed(s.id(), now.minus(properties.keepMissed()));
                subscriptions.recordMissed(workspaceId, s.id(), event, occurrence, dataJson, now);
            }
        }
        return posted;
    }

    /**
     * Switches a subscription on again (it was switched off after failures); with
     * {@code replayFrom} it also replays what it missed from then on (see {@link #replay}).
     */
    @Transactional
    public ReplayResult enable(UUID workspaceId, UUID id, Instant replayFrom) {
        if (!subscriptions.enable(workspaceId, id)) {
            throw new NotFoundException("Webhook");
        }
        return replayFrom == null ? new ReplayResult(0, 0) : replay(workspaceId, id, replayFrom);
    }

    /**
     * Posts the events the subscription missed while it was switched off from {@code since}
     * on (null: everything kept), oldest first, and queues again its posts that failed for good
     * since then (those that switched it off). Each goes through the usual signed, retried
     * delivery under the reference it would have had, so nothing is posted twice: a replay
     * repeated, or racing another, queues nothing new.
     */
    @Transactional
    public ReplayResult replay(UUID workspaceId, UUID id, Instant since) {
        WebhookSubscription s = subscriptions.find(workspaceId, id).orElseThrow(() -> new NotFoundException("Webhook"));
        if (!s.active()) {
            throw new ConflictException("active", "Switch the subscription on before replaying its events.");
        }
        int missed = 0;
        for (SubscriptionRepository.Missed m : subscriptions.missed(workspaceId, id, since)) {
            delivery.queueWebhook(new WebhookRequest(
                    workspaceId,
                    reference(id, m.event() + ":" + m.occurrence()),
                    s.url(),
                    s.secret(),
                    m.event(),
                    json.readValue(m.data(), MAP)));
            missed++;
        }
        subscriptions.forgetMissed(workspaceId, id);
        int failed = retries.retryFailed(workspaceId, reference(id, ""), since);
        return new ReplayResult(missed, failed);
    }

    /** What a replay queued: missed events, and failed posts queued again. */
    public record ReplayResult(int missed, int retried) {}

    /** Queues a {@code webhook.test} post to the subscription (active or not), to check the receiver. */
    @Transactional
    public UUID sendTest(UUID workspaceId, UUID id) {
        WebhookSubscription s = subscriptions.find(workspaceId, id).orElseThrow(() -> new NotFoundException("Webhook"));
        String occurrence = clock.instant().toString() + ":" + UUID.randomUUID();
        return delivery.queueWebhook(new WebhookRequest(
                workspaceId,
                reference(id, "webhook.test:" + occurrence),
                s.url(),
                s.secret(),
                "webhook.test",
                Map.of("subscription_id", id.toString(), "message", "Test post from OpenNPS")));
    }

    /** Feeds back a post's final outcome to its subscription (others' posts are ignored). */
    @Transactional
    public void outcome(String reference, boolean delivered, String reason) {
        UUID id = subscriptionOf(reference);
        if (id == null) {
            return;
        }
        if (delivered) {
            subscriptions.delivered(id);
        } else {
            subscriptions.failed(id, reason, properties.disableAfterFailures(), clock.instant());
        }
    }

    private static String reference(UUID subscriptionId, String rest) {
        return "sub:" + subscriptionId + ":" + rest;
    }

    private static UUID subscriptionOf(String reference) {
        if (reference == null || !reference.startsWith("sub:") || reference.length() < 40) {
            return null;
        }
        try {
            return UUID.fromString(reference.substring(4, 40));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
