package org.opennps.shared;

/** One rule broken by one field of a request, e.g. {@code events[3].type}: "is required". */
public record FieldViolation(String field, String message) {}
