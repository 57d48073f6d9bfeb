/**
 * The durable scheduler every node runs: db-scheduler on the application database, reading
 * the application clock, running the tasks other modules declare as beans. A task instance
 * runs on one node at a time; on PostgreSQL due rows are claimed with SKIP LOCKED.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.opennps.scheduling;
