package org.opennps.workspace;

/** A new workspace with its first API key, shown once. */
public record CreatedWorkspace(Workspace workspace, IssuedApiKey apiKey) {}
