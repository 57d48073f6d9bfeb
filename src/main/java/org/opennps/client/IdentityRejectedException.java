package org.opennps.client;

/** A signed identity was required and missing (401) or wrong (403). */
class IdentityRejectedException extends RuntimeException {

    private final boolean missing;

    IdentityRejectedException(boolean missing, String message) {
        super(message);
        this.missing = missing;
    }

    boolean missing() {
        return missing;
    }
}
