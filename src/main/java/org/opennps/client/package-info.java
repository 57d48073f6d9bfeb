/**
 * The client API for the website widget and mobile apps: reached with the workspace's public
 * key, limited to the workspace's allowed origins and rate-limited per key and address. It
 * decides which survey a visitor sees with the campaign module's fatigue policy, the one rule
 * set of every channel.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "workspace", "event", "contact", "survey", "invitation", "response", "campaign"
        })
package org.opennps.client;
