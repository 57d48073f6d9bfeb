/**
 * The client API for the website widget and mobile apps: reached with the workspace's public
 * key, limited to the workspace's allowed origins and rate-limited per key and address.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "workspace", "event"})
package org.opennps.client;
