package org.opennps.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalRedirectsTest {

    @Test
    void aSavedPageKeepsOnlyItsPathAndQuery() {
        assertThat(LocalRedirects.path("http://evil.example/responses?period=7d&continue", ""))
                .isEqualTo("/responses?period=7d&continue");
        assertThat(LocalRedirects.path("https://evil.example:8443/settings", ""))
                .isEqualTo("/settings");
        assertThat(LocalRedirects.path("http://nps.shop.example/app/settings", "/app"))
                .isEqualTo("/settings");
    }

    @Test
    void aSavedPageThatIsNotALocalPathSendsThePersonHome() {
        assertThat(LocalRedirects.path("http://evil.example//evil.example/x", ""))
                .isEqualTo("/");
        assertThat(LocalRedirects.path("http://a/app//evil.example", "/app")).isEqualTo("/");
        assertThat(LocalRedirects.path("mailto:someone@example.com", "")).isEqualTo("/");
        assertThat(LocalRedirects.path("http://a/%ZZ", "")).isEqualTo("/");
    }
}
