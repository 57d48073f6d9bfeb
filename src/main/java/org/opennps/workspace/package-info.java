/**
 * Tenants: workspaces with their settings, secret API keys, the public key for the widget,
 * users, API authentication and the first-start bootstrap. Every request is scoped to exactly
 * one workspace.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.opennps.workspace;
