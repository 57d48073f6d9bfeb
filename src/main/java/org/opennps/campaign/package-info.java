/**
 * Campaigns and journeys: a trigger event starts one durable journey per contact, campaign and
 * event; its steps (delay, send window, filters, action) run on the durable scheduler in batches
 * (many due journeys per transaction), each once, and exit events end waiting journeys. The fatigue policy decides for every channel
 * whether a person may be asked now.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "workspace",
            "contact",
            "event",
            "delivery",
            "survey",
            "invitation",
            "response",
            "analytics",
            "scheduling"
        })
package org.opennps.campaign;
