package org.opennps.shared;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;

/**
 * The database closes last. A graceful stop first stops the lifecycle beans (the outbox
 * workers and the scheduler end or give back what they hold), then destroys beans, each
 * before the beans it depends on; the connection pool is destroyed after everything that uses
 * it. Two things would otherwise close the database under running work:
 *
 * <ul>
 *   <li>H2's own JVM shutdown hook, which closes an embedded database the moment the JVM is
 *       asked to stop, in parallel with the application's stop. Every H2 URL therefore carries
 *       {@code DB_CLOSE_ON_EXIT=FALSE} (added when a URL set by an operator lacks it, unless it
 *       asks for H2's {@code AUTO_SERVER}, which refuses the setting); H2 then
 *       closes when the pool closes its last connection.
 *   <li>The thread pools of event listeners, which do not depend on the data source and so
 *       could be destroyed after it. Each is registered as depending on every data source, so
 *       it is shut down first.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ShutdownOrder {

    static final String H2_CLOSED_BY_THE_APPLICATION = "DB_CLOSE_ON_EXIT=FALSE";

    /**
     * {@code url} with {@code DB_CLOSE_ON_EXIT=FALSE} when it is an H2 URL without that setting
     * and not an {@code AUTO_SERVER} one.
     */
    static String closedByTheApplication(String url) {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            return url;
        }
        String upper = url.toUpperCase(Locale.ROOT);
        if (upper.contains("DB_CLOSE_ON_EXIT=") || upper.contains("AUTO_SERVER=TRUE")) {
            // an automatic mixed-mode server (one process serves the file to others) is one H2
            // refuses to start with the setting: there the first process's exit closes it, as before
            return url;
        }
        return url + ";" + H2_CLOSED_BY_THE_APPLICATION;
    }

    @Bean
    static BeanPostProcessor h2ClosedByTheApplication() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    String url = closedByTheApplication(pool.getJdbcUrl());
                    if (url != null && !url.equals(pool.getJdbcUrl())) {
                        pool.setJdbcUrl(url);
                    }
                }
                return bean;
            }
        };
    }

    @Bean
    static SmartInitializingSingleton executorsStopBeforeTheDatabase(ConfigurableListableBeanFactory beans) {
        return () -> {
            for (String dataSource : beans.getBeanNamesForType(DataSource.class, false, false)) {
                for (String executor : beans.getBeanNamesForType(ExecutorConfigurationSupport.class, false, false)) {
                    beans.registerDependentBean(dataSource, executor);
                }
            }
        };
    }
}
