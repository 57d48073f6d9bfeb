package org.opennps.workspace;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opennps.shared.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A workspace's own wording of respondent-visible strings: {@code {"texts": {locale: {key: text}}}}. */
@RestController
@RequestMapping("/api/v1/workspace/texts")
class RespondentTextsController {

    private final RespondentTexts texts;

    RespondentTextsController(RespondentTexts texts) {
        this.texts = texts;
    }

    @GetMapping
    Map<String, Object> get(WorkspaceAccess access) {
        return Map.of("texts", texts.overrides(access.workspaceId()));
    }

    @PutMapping
    Map<String, Object> put(WorkspaceAccess access, @RequestBody JsonNode body) {
        JsonNode all = body.path("texts");
        if (!all.isObject()) {
            throw new InvalidInputException("texts", "must be an object of locales, each an object of key: text");
        }
        Map<String, Map<String, String>> parsed = new LinkedHashMap<>();
        for (var locale : all.properties()) {
            if (!locale.getValue().isObject()) {
                throw new InvalidInputException("texts." + locale.getKey(), "must be an object of key: text");
            }
            Map<String, String> byKey = new LinkedHashMap<>();
            for (var entry : locale.getValue().properties()) {
                if (!entry.getValue().isString() && !entry.getValue().isNull()) {
                    throw new InvalidInputException(
                            "texts." + locale.getKey() + "." + entry.getKey(), "must be a string");
                }
                byKey.put(
                        entry.getKey(),
                        entry.getValue().isNull() ? null : entry.getValue().asString());
            }
            parsed.put(locale.getKey(), byKey);
        }
        return Map.of("texts", texts.replace(access.workspaceId(), parsed));
    }
}
