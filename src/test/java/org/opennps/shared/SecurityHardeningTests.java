package org.opennps.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opennps.support.ApiTestBase;
import org.opennps.workspace.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Sign-in throttling with its audit line, the security headers and cookie attributes of the real
 * server, readable errors for unreadable input, and a log free of keys, passwords and e-mail
 * addresses over a flow that handles all of them. Real requests go to this test's own server on
 * loopback.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class SecurityHardeningTests extends ApiTestBase {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    UserService users;

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void signInIsThrottledPerAccountWithGrowingDelaysAndAMaskedAuditLine(CapturedOutput output) throws Exception {
        String email = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        users.createUser(email, PASSWORD, workspace.workspace().id(), UserService.ADMIN);
        String address = "10.77." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        for (int i = 0; i < 5; i++) {
            mvc.perform(signIn(email, "wrong-" + i, address)).andExpect(redirectedUrl("/login?error"));
        }
        // the right password now waits: the throttle answers before checking it
        mvc.perform(signIn(email, PASSWORD, address)).andExpect(status().isTooManyRequests());
        // from another address the account is throttled just the same
        mvc.perform(signIn(email, PASSWORD, "127.0.0.1")).andExpect(status().isTooManyRequests());
        clock.advance(Duration.ofSeconds(2));
        mvc.perform(signIn(email, PASSWORD, address)).andExpect(redirectedUrl("/"));

        assertThat(output.getAll())
                .contains("Sign-in failed for a***@s*** from " + address + " (5 in a row)")
                .contains("Sign-in refused for a***@s***")
                .doesNotContain(email)
                .doesNotContain("wrong-3")
                .doesNotContain(PASSWORD);
    }

    @Test
    void pagesCarryTheSecurityHeadersAndALaxSessionCookie() throws Exception {
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .startsWith("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:")
                .contains("frame-ancestors 'none'");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().firstValue("Permissions-Policy").orElseThrow())
                .contains("camera=()");
        assertThat(login.headers().allValues("Set-Cookie"))
                .anySatisfy(
                        cookie -> assertThat(cookie).contains("SameSite=Lax").contains("HttpOnly"));
    }

    @Test
    void unreadableInputIsA4xxNamingTheFieldAndOneWarnLine(CapturedOutput output) throws Exception {
        HttpResponse<String> page = raw("/s/x?score=%ZZ");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        HttpResponse<String> api = raw("/api/v1/contacts?search=a%00b");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(api.body()).contains("\"field\":\"search\"");
        HttpResponse<String> brackets = raw("/api/v1/contacts?filter[x]=1");
        assertThat(brackets.statusCode()).isLessThan(500);
        assertThat(brackets.headers().firstValue("Content-Type").orElse("")).doesNotStartWith("text/html");
        HttpResponse<String> path = raw("/api/v1/contacts/%ZZ");
        assertThat(path.statusCode()).isEqualTo(400);
        assertThat(path.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        patchJson("/api/v1/workspace", json("{'time_zone':''}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("time_zone"));
        postJson("/api/v1/contacts", "{\"external_id\":\"x\",\"name\":\"Ada \\ud800\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        postJson(
                        "/api/v1/events",
                        "{\"type\":\"a.b\",\"contact\":{\"external_id\":\"x\"},\"properties\":{\"k\":\"\\udc00\"}}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("properties"));

        assertThat(output.getAll()).contains("Refused a request with an unreadable query parameter 'score'");
        assertThat(output.getAll()).doesNotContain("Unhandled error").doesNotContain("InvalidParameterException");
    }

    @Test
    void theLogOfAFlowHoldsNoKeyPasswordOrEmailAddress(CapturedOutput output) throws Exception {
        String email = "grace-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        int from = output.getAll().length(); // what the flow logs, not the start-up banner
        postJson("/api/v1/contacts", json("{'external_id':'c-log','email':'" + email + "'}"))
                .andExpect(status().isCreated());
        postJson("/api/v1/events", json("{'type':'order.placed','contact':{'email':'" + email + "'}}"))
                .andExpect(status().isAccepted());
        // a secret key pasted into the widget's public-key slot
        raw("/api/v1/client/" + key + "/next?trigger=manual&anonymous_id=abcdefgh12");
        raw("/v1/people/" + email.replace("@", "%40") + "/survey_requests/pending");
        mvc.perform(signIn(email, PASSWORD, "10.78.0.1")).andExpect(redirectedUrl("/login?error"));
        String log = output.getAll().substring(from);
        assertThat(log).doesNotContain(key).doesNotContain(email).doesNotContain(PASSWORD);
        assertThat(log).doesNotContainPattern("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\\.[A-Za-z]{2,}");
        assertThat(RequestLogFilter.maskedPath("/api/v1/client/" + key + "/next"))
                .isEqualTo("/api/v1/client/***/next");
        assertThat(RequestLogFilter.maskedPath("/v1/people/" + email + "/survey_requests/pending"))
                .isEqualTo("/v1/people/***/survey_requests/pending");
    }

    @Test
    void noForgedHostHeaderSteersARedirectOffSite() throws Exception {
        // the real server: Tomcat writes Location headers as paths, whatever Host says
        for (String page : new String[] {"/settings", "/responses?period=7d", "/"}) {
            HttpResponse<String> redirect = raw(page, "evil.example");
            assertThat(redirect.statusCode()).as(page).isEqualTo(302);
            assertThat(redirect.headers().firstValue("Location")).as(page).hasValue("/login");
        }
        HttpResponse<String> withPort = raw("/settings", "evil.example:8443");
        assertThat(withPort.headers().firstValue("Location")).hasValue("/login");

        // signing in returns to the page asked for by its path, not to the host it was asked from
        String email = "hal-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        users.createUser(email, PASSWORD, workspace.workspace().id(), UserService.ADMIN);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/responses?period=7d").header("Host", "evil.example").session(session))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(signIn(email, PASSWORD, "10.79.0.1")
                        .header("Host", "evil.example")
                        .session(session))
                .andExpect(redirectedUrl("/responses?period=7d&continue"));
    }

    private static MockHttpServletRequestBuilder signIn(String user, String password, String address) {
        return post("/login")
                .param("username", user)
                .param("password", password)
                .with(csrf())
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
    }

    private HttpResponse<String> raw(String target) throws Exception {
        return raw(target, "127.0.0.1");
    }

    /** A GET sent as typed, with any Host header (java.net.http refuses to send a forged one). */
    private HttpResponse<String> raw(String target, String host) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write(("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String text = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            java.util.Map<String, java.util.List<String>> headers =
                    new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new java.util.ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            String body = text.substring(end + 4);
            return new RawResponse(status, java.net.http.HttpHeaders.of(headers, (a, b) -> true), body);
        }
    }

    private record RawResponse(int statusCode, java.net.http.HttpHeaders headers, String body)
            implements HttpResponse<String> {
        @Override
        public HttpRequest request() {
            return null;
        }

        @Override
        public java.util.Optional<HttpResponse<String>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return java.util.Optional.empty();
        }

        @Override
        public URI uri() {
            return null;
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
