/**
 * The Delighted-compatible API under {@code /v1/}: people, survey requests, survey responses,
 * metrics, unsubscribes and bounces in Delighted's shapes, so an existing integration only
 * changes its host and key. Delighted's single survey is one OpenNPS survey per workspace.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "workspace",
            "contact",
            "survey",
            "invitation",
            "response",
            "analytics",
            "campaign",
            "delivery"
        })
package org.opennps.delighted;
