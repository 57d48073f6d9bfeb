package org.opennps.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The database closes after the thread pools that run work against it, and H2 never closes itself. */
class ShutdownOrderTest {

    static final List<String> closed = new CopyOnWriteArrayList<>();

    @Test
    void anH2UrlIsClosedByTheApplicationNotByH2sShutdownHook() {
        assertThat(ShutdownOrder.closedByTheApplication("jdbc:h2:file:./data/opennps;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:./data/opennps;MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(ShutdownOrder.closedByTheApplication("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1"))
                .isEqualTo("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void anOperatorsOwnChoiceAndOtherDatabasesAreLeftAlone() {
        assertThat(ShutdownOrder.closedByTheApplication("jdbc:h2:file:x;db_close_on_exit=true"))
                .isEqualTo("jdbc:h2:file:x;db_close_on_exit=true");
        // H2 refuses to open an automatic mixed-mode server with the setting: the node would not start
        assertThat(ShutdownOrder.closedByTheApplication("jdbc:h2:file:x;MODE=PostgreSQL;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:x;MODE=PostgreSQL;AUTO_SERVER=TRUE");
        assertThat(ShutdownOrder.closedByTheApplication("jdbc:postgresql://127.0.0.1/opennps"))
                .isEqualTo("jdbc:postgresql://127.0.0.1/opennps");
        assertThat(ShutdownOrder.closedByTheApplication(null)).isNull();
    }

    @Test
    void listenerThreadPoolsAreShutDownBeforeTheDataSourceCloses() {
        closed.clear();
        try (var context = new AnnotationConfigApplicationContext(Wiring.class)) {
            assertThat(context.getBean(RecordingPool.class).getActiveCount()).isZero();
        }
        // the pool is created first, so without the registered dependency it would be destroyed last
        assertThat(closed).containsExactly("listener pool", "data source");
    }

    @Configuration(proxyBeanMethods = false)
    @Import(ShutdownOrder.class)
    static class Wiring {

        @Bean
        RecordingPool applicationTaskExecutor() {
            return new RecordingPool();
        }

        @Bean
        RecordingDataSource dataSource() {
            return new RecordingDataSource();
        }
    }

    static class RecordingPool extends ThreadPoolTaskExecutor {
        @Override
        public void shutdown() {
            super.shutdown();
            closed.add("listener pool");
        }
    }

    static class RecordingDataSource extends DriverManagerDataSource {
        public void close() {
            closed.add("data source");
        }
    }
}
