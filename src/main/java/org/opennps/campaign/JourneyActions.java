package org.opennps.campaign;

import java.util.Map;
import org.opennps.contact.Contact;

/** Carries out the action step of a journey, inside the journey's transaction. */
interface JourneyActions {

    /** What an action did: {@code completed}, {@code failed} or {@code stopped}, and the detail. */
    record Outcome(String status, String detail, boolean invited) {

        static Outcome done(String detail, boolean invited) {
            return new Outcome("completed", detail, invited);
        }

        static Outcome failed(String detail) {
            return new Outcome("failed", detail, false);
        }
    }

    Outcome perform(Journey journey, CampaignDefinition campaign, Contact contact, Map<String, Object> trigger);
}
