package org.opennps.delivery;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs outbox passes on every node at a fixed real-time interval. "Due" is decided by the
 * injected clock inside each pass; the interval itself is wall-clock, so moving the clock
 * (tests, time-zone changes) never stalls the poller.
 */
class OutboxPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxPoller.class);

    private final java.util.function.Supplier<DispatchResult> dispatcher;
    private final DeliveryProperties properties;
    private ScheduledExecutorService executor;

    OutboxPoller(java.util.function.Supplier<DispatchResult> dispatcher, DeliveryProperties properties) {
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-poller");
            thread.setDaemon(true);
            return thread;
        });
        long millis = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::pass, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void pass() {
        try {
            DispatchResult result;
            do {
                result = dispatcher.get();
            } while (result.total() >= properties.batchSize());
        } catch (RuntimeException e) {
            log.warn("Outbox pass failed; next pass in {}", properties.pollInterval(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
