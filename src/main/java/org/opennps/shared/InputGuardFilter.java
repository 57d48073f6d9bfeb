package org.opennps.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a query string the application could not read before anything reads it: a broken
 * {@code %} escape, bytes that are not UTF-8, or control characters (NUL included) in a
 * parameter. {@code /api/**} and {@code /v1/**} answer 400 problem+json naming the parameter;
 * pages answer a plain 400 page. One WARN line names the parameter, never its value.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class InputGuardFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(InputGuardFilter.class);
    private static final int MAX_NAME_IN_ERROR = 64;

    private final JsonMapper json;

    InputGuardFilter(JsonMapper json) {
        this.json = json;
    }

    /** A parameter the application cannot read: its name (as far as readable) and why. */
    record Fault(String field, String message) {}

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Fault fault = check(request.getQueryString());
        if (fault == null) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("Refused a request with an unreadable query parameter '{}': {}", fault.field(), fault.message());
        String uri = request.getRequestURI();
        if (uri.startsWith("/api/") || uri.startsWith("/v1/")) {
            ProblemDetail problem =
                    Problems.of(HttpStatus.BAD_REQUEST, "malformed-query", fault.field() + ": " + fault.message());
            problem.setProperty("errors", List.of(Map.of("field", fault.field(), "message", fault.message())));
            response.setStatus(400);
            response.setContentType(Problems.PROBLEM_JSON.toString());
            json.writeValue(response.getOutputStream(), problem);
        } else {
            response.setStatus(400);
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter()
                    .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bad request</title>"
                            + "</head><body><h1>Bad request</h1><p>The address of this page is malformed.</p>"
                            + "</body></html>");
        }
    }

    /** The first unreadable parameter of a raw query string, or null when all can be read. */
    static Fault check(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = decode(rawName);
            String field = name == null || name.isEmpty() || TextRules.hasControlCharacters(name, false)
                    ? "query"
                    : name.length() > MAX_NAME_IN_ERROR ? name.substring(0, MAX_NAME_IN_ERROR) : name;
            if (name == null) {
                return new Fault("query", "has a malformed %-escape or is not UTF-8");
            }
            if (TextRules.hasControlCharacters(name, false)) {
                return new Fault("query", "a parameter name contains control characters");
            }
            if (eq >= 0) {
                String value = decode(pair.substring(eq + 1));
                if (value == null) {
                    return new Fault(field, "has a malformed %-escape or is not UTF-8");
                }
                if (TextRules.hasControlCharacters(value, false)) {
                    return new Fault(field, "must not contain control characters");
                }
            }
        }
        return null;
    }

    /** Strict form decoding: {@code +} is a space, every {@code %} needs two hex digits, UTF-8 only. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
