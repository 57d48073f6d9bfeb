package org.opennps.workspace;

/** A new API key: {@code key} is shown this once and never stored in clear. */
public record IssuedApiKey(ApiKeyInfo info, String key) {}
