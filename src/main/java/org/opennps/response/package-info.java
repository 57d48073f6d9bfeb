/**
 * Responses: the score and its category, typed answers, snapshots of the contact's attributes
 * and of the triggering event, announced as {@link org.opennps.response.ResponseRecorded} on
 * every change; listing and CSV export.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "workspace", "contact", "survey", "invitation"})
package org.opennps.response;
