package org.opennps.shared;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the API and its key authentication in the OpenAPI document at /v3/api-docs. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    /** Request schemas, no invented parameters: see {@link OpenApiDocument}. */
    @Bean
    OpenApiCustomizer clientReadyDocument() {
        return new OpenApiDocument();
    }

    @Bean
    OpenAPI openNpsApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("OpenNPS API")
                        .version("v1")
                        .description("Contacts, events, surveys, campaigns, responses and analytics of one workspace."
                                + " Authenticate with the workspace's secret API key as a bearer token;"
                                + " the Delighted-compatible /v1 endpoints take it as the HTTP Basic user name."))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer"))
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
