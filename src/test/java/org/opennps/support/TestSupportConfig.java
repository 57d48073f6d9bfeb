package org.opennps.support;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Beans every integration test context shares: the settable clock, the test mail server and test helpers. */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfig {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    TestMailServer testMailServer(@Value("${spring.mail.port}") int port) {
        return new TestMailServer(port);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    TestOidcProvider testOidcProvider(@Value("${opennps.test.oidc-port}") int port) {
        return new TestOidcProvider(port);
    }

    /** Wraps the data source so tests can count statements; see {@link SqlStatements}. */
    @Bean
    static SqlStatements sqlStatements() {
        return new SqlStatements();
    }

    @Bean
    RecordedEvents recordedEvents() {
        return new RecordedEvents();
    }

    @Bean
    BackgroundWork backgroundWork(org.springframework.jdbc.core.simple.JdbcClient jdbc, MutableClock clock) {
        return new BackgroundWork(jdbc, clock);
    }

    @Bean
    TestWorkspaces testWorkspaces(org.opennps.workspace.WorkspaceService workspaces) {
        return new TestWorkspaces(workspaces);
    }
}
