package org.opennps.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test application context an SMTP host on its own free port, before the context
 * decides whether to create a mail sender; {@link TestMailServer} listens there.
 */
public class TestMailEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test-mail-server",
                        Map.of(
                                "spring.mail.host", "127.0.0.1",
                                "spring.mail.port", freePort(),
                                "spring.mail.properties.mail.smtp.connectiontimeout", "2000",
                                "spring.mail.properties.mail.smtp.timeout", "5000")));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
