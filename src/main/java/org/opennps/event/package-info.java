/**
 * Event intake: validated, idempotent on the client's event id, durably stored before it is
 * acknowledged, and announced to other modules as {@link org.opennps.event.EventsIngested}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "workspace", "contact"})
package org.opennps.event;
