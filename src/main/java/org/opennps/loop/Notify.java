package org.opennps.loop;

/**
 * Where a fired rule is announced.
 *
 * @param type {@code email} (an address), {@code webhook} (a signed JSON post) or {@code slack}
 *     (a Slack-style incoming webhook URL)
 * @param secret for {@code webhook}: signs the post ({@code X-OpenNPS-Signature}); may be null
 */
record Notify(String type, String target, String secret) {}
