package org.opennps.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ready-made surveys; each is checked against the survey rules when the application starts. */
@Component
class SurveyTemplates {

    private final List<JsonNode> templates;

    SurveyTemplates(JsonMapper json) {
        try (InputStream in = new ClassPathResource("survey/templates.json").getInputStream()) {
            List<JsonNode> loaded = new ArrayList<>();
            json.readTree(in).forEach(loaded::add);
            loaded.forEach(SurveyReader::read);
            this.templates = List.copyOf(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> all() {
        return templates;
    }
}
