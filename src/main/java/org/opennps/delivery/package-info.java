/**
 * Outgoing messages: an e-mail outbox sent over SMTP (or into the dev mailbox when no SMTP
 * host is configured) with retries and back-off, survey e-mails with one-click score links,
 * and signed webhook posts. Rows are claimed with conditional updates, so several nodes on one
 * database never send the same row at the same time.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "workspace"})
package org.opennps.delivery;
