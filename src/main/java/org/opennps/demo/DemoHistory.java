package org.opennps.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.opennps.contact.ContactService;
import org.opennps.event.EventIntakeService;
import org.opennps.invitation.Channel;
import org.opennps.response.ResponseService;
import org.opennps.response.Submission;
import org.opennps.survey.Survey;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes the generated shop's past through the public services: events, then responses. */
@Component
class DemoHistory {

    private static final int BATCH = 1000;
    private static final List<String> PRODUCTS =
            List.of("/p/running-shoes", "/p/coffee-grinder", "/p/desk-lamp", "/p/backpack", "/p/printer-paper");

    private final EventIntakeService events;
    private final ResponseService responses;
    private final ContactService contacts;
    private final JsonMapper json;

    DemoHistory(EventIntakeService events, ResponseService responses, ContactService contacts, JsonMapper json) {
        this.events = events;
        this.responses = responses;
        this.contacts = contacts;
        this.json = json;
    }

    /** Browsing, cart, checkout, the order and its pick-up, per order, in batches. */
    void events(UUID workspaceId, DemoShop shop, List<DemoShop.Order> orders) {
        Random random = shop.random();
        List<ObjectNode> all = new ArrayList<>();
        for (DemoShop.Order o : orders) {
            int views = 1 + random.nextInt(3);
            for (int v = 0; v < views; v++) {
                all.add(event(o, "page.view", v, o.placedAt().minusSeconds(600L * (views - v) + 240))
                        .put("path", shop.pick(PRODUCTS)));
            }
            all.add(event(o, "cart.add", 0, o.placedAt().minusSeconds(200)).put("value", o.value()));
            all.add(event(o, "checkout.start", 0, o.placedAt().minusSeconds(90)));
            all.add(event(o, "order.placed", 0, o.placedAt())
                    .put("order_id", o.id())
                    .put("value", o.value())
                    .put("shipment", o.shipment()));
            all.add(event(o, "order.picked_up", 0, o.pickedUpAt())
                    .put("order_id", o.id())
                    .put("shipment", o.shipment()));
        }
        for (int from = 0; from < all.size(); from += BATCH) {
            ObjectNode body = json.createObjectNode();
            ArrayNode list = body.putArray("events");
            all.subList(from, Math.min(all.size(), from + BATCH)).forEach(props -> list.add(wrap(props)));
            events.ingest(workspaceId, body, BATCH);
        }
    }

    /** About {@link DemoSeeder#RESPONSES} answers to the survey, a day or so after pick-up. */
    int responses(UUID workspaceId, Survey survey, DemoShop shop, List<DemoShop.Order> orders, DemoFeedback feedback) {
        Random random = shop.random();
        double rate = Math.min(1.0, (double) DemoSeeder.RESPONSES / orders.size());
        Map<String, UUID> contactIds = new java.util.HashMap<>();
        Instant first = orders.getFirst().placedAt();
        double span = orders.getLast().placedAt().getEpochSecond() - first.getEpochSecond();
        int count = 0;
        for (DemoShop.Order o : orders) {
            if (random.nextDouble() >= rate) {
                continue;
            }
            double progress = (o.placedAt().getEpochSecond() - first.getEpochSecond()) / span;
            int score = feedback.score(o, progress);
            Map<String, Object> answers = feedback.answers(o, score);
            UUID contactId = contactIds.computeIfAbsent(
                    o.person().externalId(),
                    id -> contacts.findByExternalId(workspaceId, id)
                            .orElseThrow()
                            .id());
            int r = random.nextInt(10);
            Channel channel = r < 7 ? Channel.EMAIL : r < 9 ? Channel.WEB : Channel.LINK;
            Instant at = o.pickedUpAt().plusSeconds(3600L * (2 + random.nextInt(28)));
            Map<String, Object> trigger = Map.of("order_id", o.id(), "value", o.value(), "shipment", o.shipment());
            responses.recordHistorical(
                    workspaceId,
                    survey.id(),
                    contactId,
                    channel,
                    "en",
                    new Submission(score, true, answers, true),
                    trigger,
                    at);
            count++;
        }
        return count;
    }

    private ObjectNode event(DemoShop.Order o, String type, int n, Instant at) {
        ObjectNode meta = json.createObjectNode();
        meta.put("_id", o.id() + "-" + type + (n > 0 ? "-" + n : ""));
        meta.put("_type", type);
        meta.put("_contact", o.person().externalId());
        meta.put("_at", at.toString());
        return meta;
    }

    /** Turns the collected fields into an event body: meta fields out, the rest as properties. */
    private ObjectNode wrap(ObjectNode collected) {
        ObjectNode event = json.createObjectNode();
        event.put("id", collected.get("_id").asString());
        event.put("type", collected.get("_type").asString());
        event.putObject("contact").put("external_id", collected.get("_contact").asString());
        event.put("occurred_at", collected.get("_at").asString());
        ObjectNode properties = event.putObject("properties");
        collected.properties().forEach(e -> {
            if (!e.getKey().startsWith("_")) {
                properties.set(e.getKey(), e.getValue());
            }
        });
        return event;
    }
}
