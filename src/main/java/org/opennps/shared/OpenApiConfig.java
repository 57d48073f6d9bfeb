package org.opennps.shared;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
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

    /**
     * Schemas derived from the answer records with the names the API writes: the application's
     * JSON mapper writes snake_case, and the document's model reader must say the same, or a
     * generated client would look for {@code externalId} where the answer has {@code external_id}.
     */
    @Bean
    ModelResolver snakeCaseModels() {
        return new ModelResolver(
                Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE),
                new NestedTypeNames());
    }

    /**
     * A nested record is named with its enclosing type ({@code FunnelStep}, {@code ViewsQuestion}):
     * by simple name alone, two modules' {@code Question} or {@code Step} would share one schema,
     * and the document would describe one module's answer with the other's fields. A record
     * nested in a controller is that controller's answer and keeps its own name.
     */
    static final class NestedTypeNames extends TypeNameResolver {

        @Override
        protected String getNameOfClass(Class<?> type) {
            String name = super.getNameOfClass(type);
            Class<?> outer = type.getEnclosingClass();
            if (outer == null
                    || !type.getName().startsWith("org.opennps.")
                    || outer.getSimpleName().endsWith("Controller")) {
                return name; // a controller's own view is named for what it shows
            }
            return getNameOfClass(outer) + name;
        }
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
