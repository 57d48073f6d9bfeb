package org.opennps.workspace;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opennps.shared.LogMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles admin sign-in ({@code POST /login}) per account and per client address: after
 * {@code free} failures in a row each further attempt waits twice as long as the last (1 s,
 * 2 s, 4 s … up to {@code max-delay}); during the wait attempts answer 429 without checking the
 * password, so guessing goes no faster even with the right password. Every attempt writes one
 * audit line with the masked e-mail address and the client address, never the password.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SignInThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final int MAX_KEYS = 100_000;

    private record State(int failures, Instant blockedUntil) {}

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int accountFree;
    private final int addressFree;
    private final Duration maxDelay;

    SignInThrottle(
            Clock clock,
            @Value("${opennps.sign-in.free-attempts:5}") int accountFree,
            @Value("${opennps.sign-in.free-attempts-per-address:20}") int addressFree,
            @Value("${opennps.sign-in.max-delay:PT15M}") Duration maxDelay) {
        this.clock = clock;
        this.accountFree = accountFree;
        this.addressFree = addressFree;
        this.maxDelay = maxDelay;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = request.getParameter("username");
        String account = "account|" + (user == null ? "" : user.trim().toLowerCase(Locale.ROOT));
        String address = "address|" + request.getRemoteAddr();
        String masked = LogMask.email(user);
        Instant now = clock.instant();
        Instant until = later(blockedUntil(account), blockedUntil(address));
        if (until != null && until.isAfter(now)) {
            long seconds = Math.max(1, Duration.between(now, until).toSeconds() + 1);
            log.warn("Sign-in refused for {} from {}: throttled for {} s", masked, request.getRemoteAddr(), seconds);
            response.setStatus(429);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter()
                    .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many attempts"
                            + "</title></head><body><h1>Too many sign-in attempts</h1><p>Try again in " + seconds
                            + " seconds.</p><p><a href=\"/login\">Back to sign-in</a></p></body></html>");
            return;
        }
        chain.doFilter(request, response);
        String location = response.getHeader(HttpHeaders.LOCATION);
        boolean failed = location == null || location.contains("error");
        if (failed) {
            int failures = fail(account, accountFree, now);
            fail(address, addressFree, now);
            log.warn("Sign-in failed for {} from {} ({} in a row)", masked, request.getRemoteAddr(), failures);
        } else {
            states.remove(account);
            states.remove(address);
            log.info("Signed in: {} from {}", masked, request.getRemoteAddr());
        }
    }

    private Instant blockedUntil(String key) {
        State state = states.get(key);
        return state == null ? null : state.blockedUntil();
    }

    private int fail(String key, int free, Instant now) {
        if (states.size() > MAX_KEYS) {
            states.clear();
        }
        State next = states.compute(key, (k, old) -> {
            int failures = old == null ? 1 : old.failures() + 1;
            Instant until = null;
            if (failures >= free) {
                int doublings = Math.min(30, failures - free);
                Duration delay = Duration.ofSeconds(1L << doublings);
                until = now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
            }
            return new State(failures, until);
        });
        return next.failures();
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
