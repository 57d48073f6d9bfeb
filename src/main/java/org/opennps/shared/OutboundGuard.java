package org.opennps.shared;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.springframework.stereotype.Component;

/**
 * The one gate of every URL the server calls (webhooks, alert webhooks, Slack, campaign
 * webhooks). {@link #problem} checks a URL when it is saved; {@link #send} checks it again after
 * resolving the name and connects to exactly the address it checked (no second lookup a DNS
 * answer could change in between), never follows a redirect, and answers with the same words
 * for every refused target, so an error cannot tell an open port from a closed one.
 *
 * <p>Refused unless {@code opennps.outbound.allow-hosts} or {@code allow-ranges} allows them:
 * loopback, unspecified, private (10/8, 172.16/12, 192.168/16), CGNAT (100.64/10), link-local
 * and metadata (169.254/16, fe80::/10), multicast, broadcast and reserved ranges, IPv6
 * unique-local (fc00::/7) and site-local, and IPv4 addresses embedded in IPv6 (mapped,
 * compatible, NAT64, 6to4) when the embedded address is refused.
 */
@Component
public class OutboundGuard {

    /** What every refused target gets as its error, whatever the reason at the network level. */
    public static final String REFUSED = "refused: the address is not allowed for outbound calls";

    private static final Set<String> SCHEMES = Set.of("http", "https");
    private static final List<Cidr> REFUSED_RANGES = List.of(
            Cidr.parse("0.0.0.0/8"),
            Cidr.parse("10.0.0.0/8"),
            Cidr.parse("100.64.0.0/10"),
            Cidr.parse("127.0.0.0/8"),
            Cidr.parse("169.254.0.0/16"),
            Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.0.0.0/24"),
            Cidr.parse("192.0.2.0/24"),
            Cidr.parse("192.88.99.0/24"),
            Cidr.parse("192.168.0.0/16"),
            Cidr.parse("198.18.0.0/15"),
            Cidr.parse("198.51.100.0/24"),
            Cidr.parse("203.0.113.0/24"),
            Cidr.parse("224.0.0.0/4"),
            Cidr.parse("240.0.0.0/4"),
            Cidr.parse("::/128"),
            Cidr.parse("::1/128"),
            Cidr.parse("100::/64"),
            Cidr.parse("2001:db8::/32"),
            Cidr.parse("fc00::/7"),
            Cidr.parse("fe80::/10"),
            Cidr.parse("fec0::/10"),
            Cidr.parse("ff00::/8"));

    /** Resolves a host name to its addresses; replaceable so tests never need a DNS server. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A call the guard refused, or one that failed; the message is safe to store and show. */
    public static class OutboundException extends IllegalStateException {
        public OutboundException(String message) {
            super(message);
        }
    }

    private final Set<String> allowHosts;
    private final List<Cidr> allowRanges;
    private final Resolver resolver;
    private final Connector connector;

    /** Opens the TCP connection to an address the guard has checked; tests replace it. */
    @FunctionalInterface
    interface Connector {
        Socket connect(InetSocketAddress address, int timeoutMillis) throws IOException;
    }

    @org.springframework.beans.factory.annotation.Autowired
    public OutboundGuard(OutboundProperties properties) {
        this(properties, InetAddress::getAllByName);
    }

    public OutboundGuard(OutboundProperties properties, Resolver resolver) {
        this(properties, resolver, OutboundGuard::connect);
    }

    OutboundGuard(OutboundProperties properties, Resolver resolver, Connector connector) {
        this.allowHosts = Set.copyOf(properties.allowHosts().stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .toList());
        this.allowRanges = properties.allowRanges().stream()
                .map(String::trim)
                .filter(r -> !r.isEmpty())
                .map(Cidr::parse)
                .toList();
        this.resolver = resolver;
        this.connector = connector;
    }

    private static Socket connect(InetSocketAddress address, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(address, timeoutMillis);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Why the server may not call this URL, or empty when it may (as far as can be told without
     * a DNS lookup: a literal address is checked now, a name again at every call).
     */
    public Optional<String> problem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an http(s) URL");
        }
        if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            return Optional.of("must be an http(s) URL");
        }
        String host = host(uri);
        if (host == null || host.isEmpty()) {
            return Optional.of("must be an http(s) URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain a user name or password");
        }
        if (allowHosts.contains(host)) {
            return Optional.empty();
        }
        if (literal(host)) {
            try {
                return refused(parseLiteral(host)) ? Optional.of(REFUSED) : Optional.empty();
            } catch (UnknownHostException e) {
                return Optional.of("must be an http(s) URL with a valid host");
            }
        }
        if (localName(host)) {
            return Optional.of(REFUSED);
        }
        return Optional.empty();
    }

    /**
     * The addresses the server may connect to for this URL: resolved once, every one checked.
     *
     * @throws OutboundException when the URL is refused or its host does not resolve
     */
    public List<InetAddress> addresses(URI uri) {
        problem(uri.toString()).ifPresent(p -> {
            throw new OutboundException(p);
        });
        String host = host(uri);
        InetAddress[] found;
        try {
            if (!literal(host) && neverResolves(host)) {
                throw new UnknownHostException(host);
            }
            found = literal(host) ? new InetAddress[] {parseLiteral(host)} : resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new OutboundException("the host name does not resolve");
        }
        if (found.length == 0) {
            throw new OutboundException("the host name does not resolve");
        }
        if (!allowHosts.contains(host)) {
            for (InetAddress address : found) {
                if (refused(address)) {
                    throw new OutboundException(REFUSED);
                }
            }
        }
        return List.of(found);
    }

    /**
     * Sends the request (HTTP/1.1, {@code Connection: close}) to an address {@link #addresses}
     * checked, with the host's name in {@code Host} and for TLS (SNI and certificate check), and
     * returns the status code. Redirects are not followed: a 3xx is just a status.
     */
    public int send(HttpRequest request, byte[] body) {
        URI uri = request.uri();
        List<InetAddress> addresses = addresses(uri);
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        int timeout = (int) request.timeout().orElse(Duration.ofSeconds(10)).toMillis();
        String failure = "could not connect";
        for (InetAddress address : addresses) {
            try (Socket socket = connector.connect(new InetSocketAddress(address, port), Math.min(timeout, 5000))) {
                socket.setSoTimeout(timeout);
                Socket channel = tls ? tls(socket, host(uri), port) : socket;
                try {
                    return exchange(channel, request, uri, port, tls, body);
                } finally {
                    channel.close();
                }
            } catch (java.net.SocketTimeoutException e) {
                failure = "timed out";
            } catch (javax.net.ssl.SSLException e) {
                failure = "TLS failed: " + e.getMessage();
            } catch (IOException e) {
                failure = "could not connect";
            }
        }
        throw new OutboundException(failure);
    }

    private static Socket tls(Socket socket, String host, int port) throws IOException {
        SSLSocket ssl =
                (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(socket, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!literal(host)) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        return ssl;
    }

    private static int exchange(Socket socket, HttpRequest request, URI uri, int port, boolean tls, byte[] body)
            throws IOException {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        String host = uri.getHost();
        boolean defaultPort = port == (tls ? 443 : 80);
        StringBuilder head = new StringBuilder()
                .append(request.method())
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append(defaultPort ? "" : ":" + port)
                .append("\r\n");
        for (Map.Entry<String, List<String>> header : request.headers().map().entrySet()) {
            for (String value : header.getValue()) {
                head.append(header.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        head.append("Content-Length: ").append(body.length).append("\r\n");
        head.append("Connection: close\r\nUser-Agent: OpenNPS\r\n\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        StringBuilder status = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n' && status.length() < 200; c = in.read()) {
            status.append((char) c);
        }
        String[] parts = status.toString().trim().split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            throw new IOException("not an HTTP answer");
        }
        return Integer.parseInt(parts[1]);
    }

    /** Whether the address may not be called: in a refused range and in no allowed one. */
    boolean refused(InetAddress address) {
        for (InetAddress candidate : forms(address)) {
            if (allowRanges.stream().anyMatch(r -> r.contains(candidate))) {
                return false;
            }
        }
        for (InetAddress candidate : forms(address)) {
            if (REFUSED_RANGES.stream().anyMatch(r -> r.contains(candidate))
                    || candidate.isAnyLocalAddress()
                    || candidate.isLoopbackAddress()
                    || candidate.isLinkLocalAddress()
                    || candidate.isSiteLocalAddress()
                    || candidate.isMulticastAddress()) {
                return true;
            }
        }
        return false;
    }

    /** The address and the IPv4 address an IPv6 one carries (mapped, compatible, NAT64, 6to4). */
    private static List<InetAddress> forms(InetAddress address) {
        List<InetAddress> forms = new ArrayList<>(List.of(address));
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            boolean zero80 = true;
            for (int i = 0; i < 10; i++) {
                zero80 &= b[i] == 0;
            }
            boolean mapped = zero80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean compatible = zero80 && b[10] == 0 && b[11] == 0;
            boolean nat64 =
                    (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            if (mapped || compatible || nat64) {
                forms.add(v4(b[12], b[13], b[14], b[15]));
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                forms.add(v4(b[2], b[3], b[4], b[5]));
            }
        }
        return forms;
    }

    private static InetAddress v4(byte a, byte b, byte c, byte d) {
        try {
            return Inet4Address.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** An IP literal: IPv6, or digits and dots (which Java reads as IPv4 in 1 to 4 parts). */
    private static boolean literal(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    /**
     * The address of a literal, never through a DNS lookup: IPv4 in 1 to 4 decimal parts as
     * {@code inet_aton} reads them ({@code 127.1}, {@code 2130706433}), or IPv6.
     */
    static InetAddress parseLiteral(String host) throws UnknownHostException {
        if (host.contains(":")) {
            return InetAddress.getByName(host.startsWith("[") ? host : "[" + host + "]");
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            throw new UnknownHostException("not an address");
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 10) {
                throw new UnknownHostException("not an address");
            }
            values[i] = Long.parseLong(parts[i]);
        }
        long value = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                throw new UnknownHostException("not an address");
            }
            value = (value << 8) | values[i];
        }
        int restBits = 8 * (5 - values.length);
        long last = values[values.length - 1];
        if (last >= (1L << restBits)) {
            throw new UnknownHostException("not an address");
        }
        value = (value << restBits) | last;
        return InetAddress.getByAddress(
                new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value});
    }

    /** Names that never leave the machine or the local network: refused without a lookup. */
    private static boolean localName(String host) {
        return host.equals("localhost")
                || host.endsWith(".localhost")
                || host.endsWith(".local")
                || host.endsWith(".localdomain")
                || host.endsWith(".internal")
                || host.endsWith(".home.arpa")
                || host.endsWith(".invalid")
                || !host.contains(".");
    }

    /** Special-use names (RFC 6761) that no DNS server answers: not looked up at all. */
    private static boolean neverResolves(String host) {
        return host.endsWith(".invalid") || host.endsWith(".test") || host.endsWith(".example");
    }

    /** An address range in CIDR notation. */
    record Cidr(byte[] network, int bits) {

        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            try {
                byte[] address = parseLiteral(parts[0]).getAddress();
                int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException("bad prefix length in " + text);
                }
                return new Cidr(address, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an address range: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }
    }
}
