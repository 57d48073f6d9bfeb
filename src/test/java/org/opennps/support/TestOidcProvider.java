package org.opennps.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect provider on loopback, at the port {@link TestOidcEnvironment} gave the
 * test contexts' {@code sso} registration. Tests say who signs in next with {@link #nextSignIn}.
 */
public class TestOidcProvider {

    public static final String ISSUER = "sso";
    public static final String CLIENT_ID = "opennps-test";

    private final int port;
    private MockOAuth2Server server;

    TestOidcProvider(int port) {
        this.port = port;
    }

    public synchronized void start() throws UnknownHostException {
        server = new MockOAuth2Server();
        server.start(InetAddress.getByName("127.0.0.1"), port);
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }

    /** The next code exchanged at the provider yields an ID token for this person. */
    public void nextSignIn(String subject, Map<String, Object> claims) {
        server.enqueueCallback(
                new DefaultOAuth2TokenCallback(ISSUER, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
    }

    public int port() {
        return port;
    }
}
