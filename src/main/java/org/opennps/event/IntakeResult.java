package org.opennps.event;

/** What an intake call did: events newly stored, and repeated ids ignored. */
public record IntakeResult(int accepted, int duplicates) {}
