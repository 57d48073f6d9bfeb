package org.opennps.loop;

import java.util.List;

/**
 * Who gets a workspace's daily digest and when.
 *
 * @param enabled whether it is sent
 * @param recipients e-mail addresses, each gets its own copy
 * @param sendHour local hour (0–23, workspace time zone) from which yesterday's digest goes out
 * @param timeZone the workspace's zone (read only: change it on the workspace)
 * @param lastSentDay the latest local day a digest was sent for, or null
 */
public record DigestSettings(
        boolean enabled, List<String> recipients, int sendHour, String timeZone, String lastSentDay) {

    static final int DEFAULT_HOUR = 8;

    public DigestSettings {
        recipients = List.copyOf(recipients);
    }
}
