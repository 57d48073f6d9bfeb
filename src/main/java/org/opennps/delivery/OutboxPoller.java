package org.opennps.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * The outbox workers of a node: {@code email-workers} threads sending e-mail and, apart from
 * them, {@code webhook-workers} threads posting webhooks, so a slow receiver never holds up
 * e-mail (nor a silent SMTP server the webhooks). Each worker claims a batch, sends it, and
 * starts over at once while its last pass found work; when it found none, it waits
 * {@code poll-interval} of real time. "Due" is decided by the injected clock inside each pass, so moving the clock never
 * stalls a worker.
 *
 * <p>Stopping (a graceful shutdown) stops claiming at once: each worker finishes the message
 * in hand, gives the rest of its batch back and ends, all before the connection pool closes
 * (this lifecycle stops before the application's beans are destroyed). A worker still busy
 * after {@code shutdown-max-wait} (a server that stopped answering mid-message, bounded by the
 * SMTP timeouts) leaves its row to the claim timeout. The poller is also a disposable bean that
 * depends on the data source, so its workers end before the pool closes on every way a context
 * closes, including one that never stopped its lifecycle beans (a start that failed half-way).
 */
class OutboxPoller implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxPoller.class);

    /** One kind of work: a name for the threads, how many, and a pass that says what it did. */
    record Lane(String name, int workers, Function<BooleanSupplier, DispatchResult> pass) {}

    private final List<Lane> lanes;
    private final DeliveryProperties properties;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    OutboxPoller(List<Lane> lanes, DeliveryProperties properties) {
        this.lanes = List.copyOf(lanes);
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        if (!threads.isEmpty()) {
            return;
        }
        stopping = false;
        for (Lane lane : lanes) {
            for (int i = 0; i < lane.workers(); i++) {
                Thread thread = new Thread(() -> work(lane), "outbox-" + lane.name() + "-" + i);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }
    }

    private void work(Lane lane) {
        while (!stopping) {
            boolean more = false;
            try {
                DispatchResult result = lane.pass().apply(() -> stopping);
                // a short batch is no sign the outbox is empty: racing claimers split the due rows between them
                more = result.total() > 0;
            } catch (RuntimeException e) {
                log.warn("Outbox {} pass failed; next pass in {}", lane.name(), properties.pollInterval(), e);
            }
            if (!more) {
                pause(properties.pollInterval());
            }
        }
    }

    private void pause(Duration interval) {
        lock.lock();
        try {
            if (!stopping) {
                wake.await(interval.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public synchronized void stop() {
        if (threads.isEmpty()) {
            return;
        }
        stopping = true;
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        long deadline = System.nanoTime() + properties.shutdownMaxWait().toNanos();
        int busy = 0;
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (thread.isAlive()) {
                busy++;
                log.warn(
                        "Outbox worker {} still sending after {}; its row is left to the claim timeout",
                        thread.getName(),
                        properties.shutdownMaxWait());
            }
        }
        log.info("Outbox stopped: {} of {} workers ended", threads.size() - busy, threads.size());
        threads.clear();
    }

    @Override
    public void destroy() {
        stop();
    }

    @Override
    public synchronized boolean isRunning() {
        return !threads.isEmpty();
    }
}
