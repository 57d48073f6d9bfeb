package org.opennps.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Whether a campaign runs: only an active one starts journeys; a paused one holds those falling
 * due. An archived one is held like a paused one and hidden from lists; it is set by archiving
 * ({@code POST /api/v1/campaigns/{id}/archive}), not in the definition.
 */
public enum CampaignStatus {
    DRAFT,
    ACTIVE,
    PAUSED,
    ARCHIVED;

    /** The word the API and the {@code campaign.status} column use. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named by {@code code} (trimmed, any case); null for null. */
    @JsonCreator
    public static CampaignStatus of(String code) {
        if (code == null) {
            return null;
        }
        return valueOf(code.strip().toUpperCase(Locale.ROOT));
    }
}
