/**
 * The admin UI pages that span modules: overview and contacts with their timelines. Pages of a
 * single module live in that module.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "workspace", "contact", "event", "survey", "response", "invitation", "respond"
        })
package org.opennps.web;
