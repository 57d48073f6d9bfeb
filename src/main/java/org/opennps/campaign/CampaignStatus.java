package org.opennps.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a campaign runs: only an active one starts journeys; a paused one holds those falling due. */
public enum CampaignStatus {
    DRAFT,
    ACTIVE,
    PAUSED;

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
