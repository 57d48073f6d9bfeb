package org.opennps.workspace;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two faces: the API ({@code /api/**}, {@code /v1/**}) is stateless and authenticated by keys,
 * with no sessions and no CSRF; the admin UI uses sign-in sessions with CSRF on every form.
 * Respondent pages, the widget and the public client API need no sign-in.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http, WorkspaceService workspaces, ProblemResponses problems, AccessRules rules)
            throws Exception {
        http.securityMatcher("/api/**", "/v1/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/client/**")
                        .permitAll()
                        .anyRequest()
                        .access(rules))
                .addFilterBefore(new ApiKeyAuthenticationFilter(workspaces, problems), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                            boolean basic = request.getRequestURI().startsWith("/v1/");
                            response.setHeader("WWW-Authenticate", basic ? "Basic realm=\"OpenNPS\"" : "Bearer");
                            problems.write(
                                    response,
                                    HttpStatus.UNAUTHORIZED,
                                    "unauthorized",
                                    basic
                                            ? "A valid API key is required as the HTTP Basic user name."
                                            : "A valid API key is required: Authorization: Bearer <api key>.");
                        })
                        .accessDeniedHandler((request, response, ex) -> problems.write(
                                response,
                                HttpStatus.FORBIDDEN,
                                "forbidden",
                                "This key may not call this endpoint (a read-only key cannot write).")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(
            HttpSecurity http,
            AccessRules rules,
            UserService users,
            ObjectProvider<ClientRegistrationRepository> singleSignOn,
            @Value("${opennps.public-url:}") String publicUrl)
            throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/s/**",
                                "/l/**",
                                "/widget.js",
                                "/login",
                                "/account/**",
                                "/oauth2/**",
                                "/login/oauth2/**",
                                "/access-denied",
                                "/error",
                                "/favicon.ico",
                                "/favicon.svg",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/actuator/prometheus",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .anyRequest()
                        .access(rules))
                // Respondent forms carry the link token and a signed page nonce instead of a
                // session: an expired session or blocked cookies must not lose answers (RFC 8058
                // one-click unsubscribe posts come with no session at all).
                .csrf(csrf -> csrf.ignoringRequestMatchers("/s/**", "/l/**"))
                // The survey editor shows its live preview in a frame of the same origin.
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                // Back to the page asked for by its path, never by a URL built from the (forgeable) Host
                // header; Tomcat keeps every Location relative (server.tomcat.use-relative-redirects).
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(new LocalRedirects())
                        .permitAll())
                .exceptionHandling(e -> e.accessDeniedPage("/access-denied"))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
        ClientRegistrationRepository registrations = singleSignOn.getIfAvailable();
        if (registrations != null) {
            // OpenID Connect providers from spring.security.oauth2.client.*; see SsoSignIn.
            http.oauth2Login(sso -> {
                sso.loginPage("/login").successHandler(new SsoSignIn(users)).failureUrl("/login?sso-refused");
                if (!publicUrl.isBlank()) {
                    sso.authorizationEndpoint(
                            a -> a.authorizationRequestResolver(SsoSignIn.returningTo(registrations, publicUrl)));
                }
            });
        }
        return http.build();
    }
}
