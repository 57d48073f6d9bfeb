/**
 * The demo workspace: on the first start, a clearly marked, removable workspace with months of
 * generated shop data (contacts, orders, pick-ups, a post-purchase survey and its responses), so
 * every admin page shows something true at first look.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "workspace", "contact", "event", "survey", "invitation", "response", "campaign"
        })
package org.opennps.demo;
