package org.opennps.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The outbound guard refuses internal targets before any connection: every address here is
 * refused by the guard itself (no socket is opened, no name is looked up); the only traffic is
 * to a receiver on the loopback address, when the guard was told to allow it.
 */
class OutboundGuardTest {

    /** A resolver that fails the test if anything is looked up. */
    private static final OutboundGuard.Resolver NO_LOOKUP = host -> {
        throw new AssertionError("looked up " + host);
    };

    /** A connector that fails the test if any connection is tried: refusals must come first. */
    private static final OutboundGuard.Connector NO_CONNECT = (address, timeout) -> {
        throw new AssertionError("tried to connect to " + address);
    };

    private final OutboundGuard strict =
            new OutboundGuard(new OutboundProperties(List.of(), List.of()), NO_LOOKUP, NO_CONNECT);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/",
                "http://127.1:8080/",
                "http://2130706433/",
                "http://0.0.0.0/",
                "http://0/",
                "http://10.1.2.3/hook",
                "http://172.16.0.1/",
                "http://172.31.255.255/",
                "http://192.168.1.1/",
                "http://100.64.0.1/",
                "http://100.100.100.200/latest/meta-data",
                "http://169.254.169.254/latest/meta-data/",
                "http://224.0.0.1/",
                "http://255.255.255.255/",
                "http://[::1]/",
                "http://[::]/",
                "http://[fd00:ec2::254]/",
                "http://[fe80::1]/",
                "http://[ff02::1]/",
                "http://[::ffff:127.0.0.1]/",
                "http://[::ffff:a9fe:a9fe]/",
                "http://[64:ff9b::a9fe:a9fe]/",
                "http://[2002:7f00:1::]/",
                "http://localhost:8080/",
                "http://api.localhost/",
                "http://metadata.google.internal/computeMetadata/v1/",
                "http://printer.local/",
                "http://intranet/",
                "https://hooks.invalid/x"
            })
    void internalTargetsAreRefusedWhenSavedAndWhenSent(String url) {
        assertThat(strict.problem(url)).isPresent();
        URI uri = URI.create(url);
        if (uri.getHost() == null) {
            return; // not even an HTTP request can be built for it (e.g. 127.1)
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        assertThatThrownBy(() -> strict.send(request, new byte[0])).isInstanceOf(OutboundGuard.OutboundException.class);
    }

    @Test
    void refusedPortsAnswerAlike() {
        String[] messages = List.of("http://10.0.0.1:22/", "http://10.0.0.1:1/", "http://10.0.0.1:8080/").stream()
                .map(url -> {
                    try {
                        strict.send(HttpRequest.newBuilder(URI.create(url)).build(), new byte[0]);
                        return "sent";
                    } catch (OutboundGuard.OutboundException e) {
                        return e.getMessage();
                    }
                })
                .toArray(String[]::new);
        assertThat(messages).containsOnly(OutboundGuard.REFUSED);
    }

    @Test
    void publicTargetsPassTheSaveCheckAndMalformedOnesDoNot() {
        assertThat(strict.problem("https://hooks.slack.com/services/T/B/X")).isEmpty();
        assertThat(strict.problem("https://93.184.215.14/hook")).isEmpty();
        assertThat(strict.problem("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/"))
                .isEmpty();
        assertThat(strict.problem("ftp://files.example.com/")).isPresent();
        assertThat(strict.problem("https://user:pw@hooks.example.com/")).isPresent();
        assertThat(strict.problem("http://1.2.3.4.5/")).isPresent();
        assertThat(strict.problem("http://999.1.1.1/")).isPresent();
    }

    @Test
    void aNameIsCheckedAgainAfterItResolves() {
        OutboundGuard rebinding = new OutboundGuard(
                new OutboundProperties(List.of(), List.of()),
                host -> new InetAddress[] {
                    InetAddress.getByAddress(host, new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254})
                },
                NO_CONNECT);
        assertThat(rebinding.problem("https://hooks.shop.example.com/nps")).isEmpty();
        assertThatThrownBy(() -> rebinding.send(
                        HttpRequest.newBuilder(URI.create("https://hooks.shop.example.com/nps"))
                                .build(),
                        new byte[0]))
                .hasMessage(OutboundGuard.REFUSED);

        OutboundGuard unknown = new OutboundGuard(
                new OutboundProperties(List.of(), List.of()),
                host -> {
                    throw new UnknownHostException(host);
                },
                NO_CONNECT);
        assertThatThrownBy(() -> unknown.send(
                        HttpRequest.newBuilder(URI.create("https://gone.example.com/"))
                                .build(),
                        new byte[0]))
                .hasMessage("the host name does not resolve");
    }

    @Test
    void operatorSettingsAllowNamedHostsAndRanges() throws Exception {
        OutboundGuard loopback =
                new OutboundGuard(new OutboundProperties(List.of(), List.of("127.0.0.0/8", "::1/128")), NO_LOOKUP);
        assertThat(loopback.problem("http://127.0.0.1:9000/")).isEmpty();
        assertThat(loopback.problem("http://[::1]:9000/")).isEmpty();
        assertThat(loopback.problem("http://[::ffff:127.0.0.1]:9000/")).isEmpty();
        assertThat(loopback.problem("http://10.0.0.1/")).isPresent();

        OutboundGuard named = new OutboundGuard(
                new OutboundProperties(List.of("Hooks.Intranet.Example"), List.of("10.20.0.0/16")),
                NO_LOOKUP,
                NO_CONNECT);
        assertThat(named.problem("http://hooks.intranet.example/x")).isEmpty();
        assertThat(named.problem("http://10.20.3.4/")).isEmpty();
        assertThat(named.problem("http://10.21.3.4/")).isPresent();
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders()
                    .add(
                            "Location",
                            "http://127.0.0.1:" + exchange.getLocalAddress().getPort() + "/again");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        receiver.start();
        try {
            OutboundGuard loopback =
                    new OutboundGuard(new OutboundProperties(List.of(), List.of("127.0.0.0/8")), NO_LOOKUP);
            int status = loopback.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"))
                            .timeout(Duration.ofSeconds(5))
                            .header("Content-Type", "application/json")
                            .build(),
                    "{\"a\":1}".getBytes());
            assertThat(status).isEqualTo(302);
            assertThat(hits).hasValue(1);
        } finally {
            receiver.stop(0);
        }
    }
}
