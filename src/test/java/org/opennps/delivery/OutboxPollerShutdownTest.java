package org.opennps.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The outbox workers end before the connection pool closes, also when the context is torn down
 * without its lifecycle beans being stopped first (what a start that fails half-way does).
 */
class OutboxPollerShutdownTest {

    static final List<String> order = new CopyOnWriteArrayList<>();
    static final AtomicBoolean inPass = new AtomicBoolean();

    @Test
    void workersGiveTheirBatchBackBeforeThePoolClosesWhenBeansAreDestroyedWithoutAStop() {
        order.clear();
        var context = new AnnotationConfigApplicationContext(Wiring.class);
        await().atMost(Duration.ofSeconds(30)).untilTrue(inPass);

        context.getBeanFactory().destroySingletons();

        assertThat(order).containsExactly("batch given back", "pool closed");
    }

    @Configuration(proxyBeanMethods = false)
    static class Wiring {

        @Bean
        RecordingDataSource dataSource() {
            return new RecordingDataSource();
        }

        /** Depends on the data source as the real poller does (through its dispatchers). */
        @Bean
        OutboxPoller outboxPoller(DataSource dataSource) {
            DeliveryProperties properties = new DeliveryProperties(
                    Duration.ofSeconds(1),
                    100,
                    8,
                    Duration.ofSeconds(30),
                    Duration.ofHours(1),
                    Duration.ofMinutes(5),
                    true,
                    1,
                    1,
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(1));
            return new OutboxPoller(
                    List.of(new OutboxPoller.Lane("email", 1, stopping -> {
                        inPass.set(true);
                        while (!stopping.getAsBoolean()) {
                            Thread.onSpinWait(); // sending a long batch, asking before each e-mail
                        }
                        order.add("batch given back");
                        return DispatchResult.NOTHING;
                    })),
                    properties);
        }
    }

    static class RecordingDataSource extends DriverManagerDataSource {
        public void close() {
            order.add("pool closed");
        }
    }
}
