package org.opennps.shared;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs like {@link UUID#randomUUID()}, and random bytes for nonces, from a
 * strong generator of the calling thread's own. {@code UUID.randomUUID()} draws from one generator
 * shared by the whole JVM, behind a lock: the journey threads of a burst, each making an invitation
 * and an e-mail per journey, queued there for seconds in all. DRBG instances are seeded from the
 * system's entropy each and share no state.
 *
 * <p>Each thread draws {@value #BUFFER} bytes at a time and hands them out in order, each byte
 * once: a DRBG request costs a few hash blocks of its own besides the bytes it returns, so sixteen
 * bytes at a time spent most of the generator's work (a sixth of a journey thread's samples in a
 * burst) on that overhead.
 */
public final class RandomIds {

    static final int BUFFER = 1024;

    private static final ThreadLocal<Pool> POOLS = ThreadLocal.withInitial(Pool::new);

    private RandomIds() {}

    /** A new random UUID (version 4, IETF variant). */
    public static UUID next() {
        byte[] bytes = new byte[16];
        fill(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
        }
        for (int i = 8; i < 16; i++) {
            least = (least << 8) | (bytes[i] & 0xff);
        }
        return new UUID(most, least);
    }

    /** Fills {@code bytes} with strong random bytes that no other caller gets. */
    public static void fill(byte[] bytes) {
        POOLS.get().take(bytes);
    }

    /** A strong generator for one thread. */
    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /** One thread's generator and the bytes it drew and has not handed out yet. */
    private static final class Pool {
        private final SecureRandom generator = newGenerator();
        private final byte[] drawn = new byte[BUFFER];
        private int next = BUFFER;

        void take(byte[] into) {
            int filled = 0;
            while (filled < into.length) {
                if (next == BUFFER) {
                    generator.nextBytes(drawn);
                    next = 0;
                }
                int n = Math.min(into.length - filled, BUFFER - next);
                System.arraycopy(drawn, next, into, filled, n);
                // what was handed out is not kept
                java.util.Arrays.fill(drawn, next, next + n, (byte) 0);
                next += n;
                filled += n;
            }
        }
    }
}
