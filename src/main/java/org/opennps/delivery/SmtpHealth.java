package org.opennps.delivery;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Whether the SMTP server answers, as the {@code smtp} health component. A background thread
 * checks every {@code opennps.health.smtp-interval} (1 minute): TCP connect and the server's
 * {@code 220} greeting, each bounded by {@code opennps.health.smtp-timeout} (2 s), then QUIT. A
 * health call only reads the last result, so it never opens SMTP and never waits on it. An
 * unreachable server is reported as {@code DEGRADED}, which ranks below {@code UP}
 * ({@code management.endpoint.health.status.order}): it shows in the details but does not take
 * a node that accepts events out of a load balancer; the outbox retries the mail meanwhile.
 */
@Component("smtpHealthIndicator")
@ConditionalOnProperty("spring.mail.host")
class SmtpHealth implements HealthIndicator, DisposableBean {

    static final Status DEGRADED = new Status("DEGRADED");

    private final String host;
    private final int port;
    private final Duration timeout;
    private final Clock clock;
    private final ScheduledExecutorService checks;
    private volatile Health last =
            Health.unknown().withDetail("checked", "not yet").build();

    SmtpHealth(
            @Value("${spring.mail.host}") String host,
            @Value("${spring.mail.port:25}") int port,
            @Value("${opennps.health.smtp-timeout:2s}") Duration timeout,
            @Value("${opennps.health.smtp-interval:1m}") Duration interval,
            Clock clock) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
        this.clock = clock;
        this.checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "health-smtp");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Health health() {
        return last;
    }

    /** Checks the configured server now (on the calling thread) and keeps the result. */
    void refresh() {
        last = probe(host, port);
    }

    /** Checks the given server (on the calling thread) and keeps the result; for operators' and tests' what-ifs. */
    Health probe(String probeHost, int probePort) {
        Instant at = clock.instant();
        int millis = (int) Math.max(1, timeout.toMillis());
        Health result;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(probeHost, probePort), millis);
            socket.setSoTimeout(millis);
            var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String greeting = reader.readLine();
            if (greeting != null && greeting.startsWith("220")) {
                OutputStream out = socket.getOutputStream();
                out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                result = Health.up().withDetail("checked_at", at.toString()).build();
            } else {
                result = Health.status(DEGRADED)
                        .withDetail("checked_at", at.toString())
                        .withDetail("error", "unexpected greeting")
                        .build();
            }
        } catch (Exception e) {
            result = Health.status(DEGRADED)
                    .withDetail("checked_at", at.toString())
                    .withDetail("error", e.getClass().getSimpleName())
                    .build();
        }
        last = result;
        return result;
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }
}
