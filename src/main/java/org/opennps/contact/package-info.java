/**
 * The people surveyed: contacts with identifiers, locale, time zone and typed attributes,
 * upserted by {@code external_id} then {@code email}; unsubscribes, bounces (also those the
 * outbox met: a recipient refused for good marks its contact bounced) and erasure.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "workspace", "delivery"})
package org.opennps.contact;
