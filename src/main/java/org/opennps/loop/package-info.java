/**
 * Closing the loop: alert rules that watch responses (category, score, answers, comment words,
 * contact segment), the cases they open for customer service (owner, status, notes, tags, due
 * time) and the notifications they send.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "workspace",
            "response",
            "contact",
            "delivery",
            "analytics",
            "survey",
            "invitation"
        })
package org.opennps.loop;
