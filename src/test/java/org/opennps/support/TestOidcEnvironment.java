package org.opennps.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Registers the single sign-on provider {@code sso} in every test context, pointing at the
 * {@link TestOidcProvider} on a loopback port chosen here, once, before the context starts. The
 * endpoints are given explicitly, so nothing is fetched from the provider at start-up.
 */
public class TestOidcEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        int port = freePort();
        String issuer = "http://127.0.0.1:" + port + "/" + TestOidcProvider.ISSUER;
        String registration = "spring.security.oauth2.client.registration.sso.";
        String provider = "spring.security.oauth2.client.provider.sso.";
        Map<String, Object> p = new HashMap<>();
        p.put("opennps.test.oidc-port", port);
        p.put(registration + "client-id", TestOidcProvider.CLIENT_ID);
        p.put(registration + "client-secret", "test-client-secret");
        p.put(registration + "client-name", "Test SSO");
        p.put(registration + "scope", "openid,email,profile");
        p.put(registration + "authorization-grant-type", "authorization_code");
        p.put(registration + "redirect-uri", "{baseUrl}/login/oauth2/code/{registrationId}");
        p.put(provider + "authorization-uri", issuer + "/authorize");
        p.put(provider + "token-uri", issuer + "/token");
        p.put(provider + "jwk-set-uri", issuer + "/jwks");
        p.put(provider + "user-name-attribute", "sub");
        environment.getPropertySources().addFirst(new MapPropertySource("test-oidc-provider", p));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
