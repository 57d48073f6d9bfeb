/**
 * The team of a workspace: members and their roles through the API and the admin UI,
 * invitation and password reset e-mails (sent through the delivery outbox) and the pages their
 * links open. Roles themselves, accounts and the authorization table belong to the workspace
 * module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "workspace", "delivery"})
package org.opennps.team;
