package org.opennps.webhook;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opennps.delivery.DeliveryService;
import org.opennps.delivery.WebhookAttempt;
import org.opennps.delivery.WebhookRequest;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.opennps.shared.NotFoundException;
import org.opennps.shared.OutboundGuard;
import org.opennps.shared.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** Entry point for outgoing webhook subscriptions and the events they receive. */
@Service
public class WebhookService {

    private static final Pattern URL = Pattern.compile("^https?://\\S{1,1990}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SubscriptionRepository subscriptions;
    private final DeliveryService delivery;
    private final WebhookProperties properties;
    private final Clock clock;
    private final OutboundGuard guard;

    WebhookService(
            SubscriptionRepository subscriptions,
            DeliveryService delivery,
            WebhookProperties properties,
            Clock clock,
            OutboundGuard guard) {
        this.guard = guard;
        this.subscriptions = subscriptions;
        this.delivery = delivery;
        this.properties = properties;
        this.clock = clock;
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
        List<String> events = new ArrayList<>();
        JsonNode list = f.raw("events");
        if (list == null || !list.isArray() || list.isEmpty()) {
            f.reject("events", "must list at least one of " + WebhookSubscription.EVENTS);
        } else {
            for (JsonNode e : list) {
                if (!e.isString() || !WebhookSubscription.EVENTS.contains(e.stringValue())) {
                    f.reject("events", "must only hold " + WebhookSubscription.EVENTS);
                    break;
                }
                events.add(e.stringValue());
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
        List<WebhookSubscription> targets = subscriptions.activeFor(workspaceId, event);
        for (WebhookSubscription s : targets) {
            delivery.queueWebhook(new WebhookRequest(
                    workspaceId, reference(s.id(), event + ":" + occurrence), s.url(), s.secret(), event, data));
        }
        return targets.size();
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
