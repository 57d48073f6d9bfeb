/**
 * Invitations: one survey request to one contact on one channel, with an unguessable signed
 * link token, its status ({@code scheduled → sent → opened → responded | expired |
 * suppressed | failed}) and the snapshot of the event that triggered it.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "workspace", "contact", "survey", "delivery"})
package org.opennps.invitation;
