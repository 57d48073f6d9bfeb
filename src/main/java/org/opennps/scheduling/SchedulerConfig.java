package org.opennps.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The node's scheduling: a {@link SchedulerClient} other modules inject to schedule work, and
 * a running scheduler that executes every {@link Task} bean. A db-scheduler instance cannot be
 * started again once stopped, so each lifecycle start builds a fresh one.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfig {

    private static final Logger log = LoggerFactory.getLogger(SchedulerConfig.class);

    private static final String NODE = nodeName();

    @Bean
    SchedulerClient schedulerClient(
            DataSource dataSource, Clock clock, ObjectProvider<Task<?>> tasks, SchedulerProperties properties) {
        return SchedulerFactory.build(dataSource, clock, known(tasks), properties, SchedulerFactory.TABLE, NODE);
    }

    @Bean
    SchedulerLifecycle schedulerLifecycle(
            DataSource dataSource, Clock clock, ObjectProvider<Task<?>> tasks, SchedulerProperties properties) {
        return new SchedulerLifecycle(properties, () -> {
            List<Task<?>> known = known(tasks);
            log.info(
                    "Node {} runs scheduled tasks {}",
                    NODE,
                    known.stream().map(Task::getName).toList());
            return SchedulerFactory.build(dataSource, clock, known, properties, SchedulerFactory.TABLE, NODE);
        });
    }

    /**
     * Runs one scheduler from start to stop. Stopping lets running executions finish within
     * {@code shutdown-max-wait}. It is also a disposable bean that depends on the data source,
     * so the scheduler is stopped before the pool closes even when the context is closed
     * without stopping its lifecycle beans first (a start that failed half-way).
     */
    static final class SchedulerLifecycle implements SmartLifecycle, DisposableBean {

        private final SchedulerProperties properties;
        private final Supplier<Scheduler> schedulers;
        private Scheduler running;

        SchedulerLifecycle(SchedulerProperties properties, Supplier<Scheduler> schedulers) {
            this.properties = properties;
            this.schedulers = schedulers;
        }

        @Override
        public synchronized void start() {
            if (properties.enabled() && running == null) {
                running = schedulers.get();
                running.start();
            }
        }

        @Override
        public synchronized void stop() {
            if (running != null) {
                running.stop();
                running = null;
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return running != null;
        }

        @Override
        public void destroy() {
            stop();
        }
    }

    private static List<Task<?>> known(ObjectProvider<Task<?>> tasks) {
        return tasks.orderedStream().toList();
    }

    /** Host name plus a random suffix, so two nodes on one host are told apart in picked_by. */
    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 90 ? name.substring(name.length() - 90) : name;
    }
}
