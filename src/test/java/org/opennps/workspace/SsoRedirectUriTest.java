package org.opennps.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

class SsoRedirectUriTest {

    private final InMemoryClientRegistrationRepository registrations =
            new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId("corp")
                    .clientId("opennps")
                    .clientSecret("secret")
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope("openid", "email")
                    .authorizationUri("http://127.0.0.1:9/authorize")
                    .tokenUri("http://127.0.0.1:9/token")
                    .jwkSetUri("http://127.0.0.1:9/jwks")
                    .build());

    @Test
    void theProviderIsToldToReturnToThePublicAddressWhateverHostTheRequestNamed() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/authorization/corp");
        request.setServletPath("/oauth2/authorization/corp");
        request.addHeader("Host", "evil.example");
        request.setServerName("evil.example");

        OAuth2AuthorizationRequest asked = SsoSignIn.returningTo(registrations, "https://nps.shop.example/")
                .resolve(request);

        assertThat(asked.getRedirectUri()).isEqualTo("https://nps.shop.example/login/oauth2/code/corp");
        assertThat(asked.getAuthorizationRequestUri()).doesNotContain("evil.example");
    }
}
