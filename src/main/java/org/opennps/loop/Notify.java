package org.opennps.loop;

/**
 * Where a fired rule is announced.
 *
 * @param type {@code email} (an address), {@code webhook} (a signed JSON post) or {@code slack}
 *     (a Slack-style incoming webhook URL)
 */
record Notify(String type, String target) {}
