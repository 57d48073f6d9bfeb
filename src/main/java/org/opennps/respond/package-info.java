/**
 * The respondent's pages: the survey of an invitation ({@code /s/{token}}), one-click scores
 * from e-mails, unsubscribing, and the anonymous public link ({@code /l/{survey_id}}).
 * Server-rendered, usable without JavaScript.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "workspace", "contact", "survey", "invitation", "response"})
package org.opennps.respond;
