/**
 * Outgoing webhooks: subscriptions to response, invitation, contact and case events, each
 * delivered as a signed JSON post through the delivery outbox (retries with back-off, a log),
 * and switched off after repeated failure with the reason shown.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "workspace", "delivery", "response", "invitation", "contact", "loop", "survey"
        })
package org.opennps.webhook;
