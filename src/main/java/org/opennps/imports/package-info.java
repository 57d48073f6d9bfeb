/**
 * Imports of history: a file of past responses (Delighted's response export, a CSV with a
 * column mapping, or JSON lines) stored in the database, then read by a durable background task
 * that creates or matches the people and records each response at its original time as an
 * imported response, which starts no campaign, fires no webhook or alert and sends nothing.
 * Idempotent by the source's response id; a dry run reports what would happen.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "workspace", "contact", "survey", "invitation", "response", "delighted"})
package org.opennps.imports;
