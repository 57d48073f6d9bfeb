package org.opennps.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/** Signed webhook posts with retries, against a local HTTP receiver. */
abstract class WebhookDeliveryTests extends ApiTestBase {

    @Autowired
    DeliveryService delivery;

    private HttpServer receiver;
    private final List<String[]> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void receiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
            if (status == 204) {
                received.add(new String[] {
                    exchange.getRequestHeaders().getFirst("X-OpenNPS-Signature"),
                    body,
                    exchange.getRequestHeaders().getFirst("X-OpenNPS-Event")
                });
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void webhookIsSignedAndRetriedUntilAcceptedOnce() {
        failuresLeft.set(1);
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        UUID id = delivery.queueWebhook(new WebhookRequest(
                workspace.workspace().id(),
                "ref-" + UUID.randomUUID(),
                url,
                "s3cret-s3cret-s3cret",
                "survey.invitation",
                Map.of("survey_url", "https://nps.example/s/tok")));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> delivery.webhookStatus(workspace.workspace().id(), id)
                                .orElseThrow()
                                .equals("queued")
                        && failuresLeft.get() <= 0);
        clock.advance(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(15)).until(() -> received.size() == 1);

        String[] post = received.getFirst();
        String signature = post[0];
        String t = signature.substring(2, signature.indexOf(','));
        assertThat(signature).isEqualTo(WebhookSender.signature("s3cret-s3cret-s3cret", Long.parseLong(t), post[1]));
        assertThat(post[1]).contains("\"event\":\"survey.invitation\"").contains("https://nps.example/s/tok");
        assertThat(post[2]).isEqualTo("survey.invitation");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> delivery.webhookStatus(workspace.workspace().id(), id)
                        .orElseThrow()
                        .equals("sent"));
        delivery.dispatchDue();
        assertThat(received).hasSize(1);
    }
}
