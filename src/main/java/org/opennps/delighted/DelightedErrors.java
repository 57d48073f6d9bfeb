package org.opennps.delighted;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors under {@code /v1/} in Delighted's own shape, typed {@code application/json} (the PHP
 * client reads no other type): {@code {"status":422,"message":"…","errors":{"email":["is
 * required"]}}}. The rest of the API keeps problem+json; this filter only rewrites the bodies of
 * /v1 error answers, whoever wrote them (the key check, a controller, an unknown path).
 */
@Configuration
class DelightedErrors {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> delightedErrorFilter(JsonMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Rewriter(json));
        registration.addUrlPatterns("/v1/*");
        // outside Spring Security's filter chain (-100), so its 401 and 403 are rewritten too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
        return registration;
    }

    static final class Rewriter extends OncePerRequestFilter {

        private final JsonMapper json;

        Rewriter(JsonMapper json) {
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
            try {
                chain.doFilter(request, wrapper);
            } finally {
                int status = wrapper.getStatus();
                String type = wrapper.getContentType();
                if (status >= 400 && type != null && type.contains("problem+json")) {
                    byte[] body = rewrite(status, wrapper.getContentAsByteArray());
                    wrapper.resetBuffer();
                    wrapper.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    wrapper.setCharacterEncoding(StandardCharsets.UTF_8.name());
                    wrapper.getOutputStream().write(body);
                }
                wrapper.copyBodyToResponse();
            }
        }

        private byte[] rewrite(int status, byte[] problem) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", status);
            String message = reason(status);
            Map<String, List<String>> errors = new LinkedHashMap<>();
            try {
                JsonNode node = json.readTree(problem);
                if (node.hasNonNull("detail")) {
                    message = node.get("detail").asString();
                }
                JsonNode list = node.get("errors");
                if (list != null && list.isArray()) {
                    for (JsonNode e : list) {
                        String field = e.path("field").asString("base");
                        errors.computeIfAbsent(field, k -> new java.util.ArrayList<>())
                                .add(e.path("message").asString(""));
                    }
                }
            } catch (JacksonException e) {
                // not a problem document after all: keep the status and its reason
            }
            out.put("message", message);
            if (!errors.isEmpty()) {
                out.put("errors", errors);
            }
            return json.writeValueAsBytes(out);
        }

        private static String reason(int status) {
            HttpStatus known = HttpStatus.resolve(status);
            return known == null ? "Error" : known.getReasonPhrase();
        }
    }
}
