package org.opennps.delivery;

/** What one pass over the outbox did: sent, put back for a later retry, or given up. */
public record DispatchResult(int sent, int retried, int failed) {

    public static final DispatchResult NOTHING = new DispatchResult(0, 0, 0);

    public DispatchResult plus(DispatchResult other) {
        return new DispatchResult(sent + other.sent, retried + other.retried, failed + other.failed);
    }

    public int total() {
        return sent + retried + failed;
    }
}
