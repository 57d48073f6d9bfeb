/**
 * The people surveyed: contacts with identifiers, locale, time zone and typed attributes,
 * upserted by {@code external_id} then {@code email}; unsubscribes, bounces and erasure.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "workspace"})
package org.opennps.contact;
