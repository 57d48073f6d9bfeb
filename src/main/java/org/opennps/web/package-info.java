/**
 * The admin UI pages that span modules: the dashboard, campaigns with their builder, surveys,
 * the response inbox with its cases, and contacts with their timelines. Pages of a single
 * module live in that module.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "workspace",
            "contact",
            "event",
            "survey",
            "response",
            "invitation",
            "respond",
            "analytics",
            "campaign",
            "loop",
            "imports"
        })
package org.opennps.web;
