package org.opennps.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.shared.FieldViolation;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parsed campaign versions. Versions never change once saved, so they are cached for good
 * (bounded, least recently used out).
 */
@Component
class CampaignDefinitions {

    private static final int MAX_CACHED = 2_000;

    private final CampaignRepository campaigns;
    private final JsonMapper json;
    private final Map<String, CampaignDefinition> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CampaignDefinition> eldest) {
            return size() > MAX_CACHED;
        }
    };

    CampaignDefinitions(CampaignRepository campaigns, JsonMapper json) {
        this.campaigns = campaigns;
        this.json = json;
    }

    CampaignDefinition get(UUID campaignId, int version) {
        String key = campaignId + "#" + version;
        synchronized (cache) {
            CampaignDefinition cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        String text = campaigns
                .definition(campaignId, version)
                .orElseThrow(() -> new IllegalStateException("campaign version " + key + " is missing"));
        CampaignDefinition parsed = parse(text);
        synchronized (cache) {
            cache.put(key, parsed);
        }
        return parsed;
    }

    CampaignDefinition parse(String text) {
        JsonNode node = json.readTree(text);
        List<FieldViolation> violations = new ArrayList<>();
        CampaignDefinition definition = CampaignReader.read(node, violations);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("stored campaign definition is invalid: " + violations);
        }
        return definition;
    }
}
