package org.opennps.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class ApiKeyAuthenticationFilterTest {

    /** A workspace service whose key look-up fails as a pool with no reachable database does. */
    static final class Unreachable extends WorkspaceService {
        private final RuntimeException failure;

        Unreachable(RuntimeException failure) {
            super(null, null, null);
            this.failure = failure;
        }

        @Override
        Optional<KeyAccess> authenticateKey(String apiKey) {
            throw failure;
        }
    }

    private static MockHttpServletRequest call() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/events");
        request.addHeader("Authorization", "Bearer sk_0123456789abcdef0123456789");
        return request;
    }

    @Test
    void aKeyThatCannotBeCheckedForWantOfTheDatabaseIsA503AndGoesNoFurther() throws Exception {
        var filter = new ApiKeyAuthenticationFilter(
                new Unreachable(new CannotGetJdbcConnectionException("Connection is not available")),
                new ProblemResponses(JsonMapper.builder().build()));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(call(), response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString())
                .contains("urn:opennps:problem:unavailable")
                .contains("nothing was stored");
        assertThat(chain.getRequest()).as("the request reached no controller").isNull();
    }

    @Test
    void anyOtherFailureOfTheLookUpIsNotDressedUpAsUnavailable() {
        var filter = new ApiKeyAuthenticationFilter(
                new Unreachable(new IllegalStateException("a bug")),
                new ProblemResponses(JsonMapper.builder().build()));

        assertThatThrownBy(() -> filter.doFilter(call(), new MockHttpServletResponse(), new MockFilterChain()))
                .isInstanceOf(IllegalStateException.class);
    }
}
