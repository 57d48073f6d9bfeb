package org.opennps.shared;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs like {@link UUID#randomUUID()}, from a strong generator of the calling
 * thread's own. {@code UUID.randomUUID()} draws from one generator shared by the whole JVM, behind
 * a lock: the journey threads of a burst, each making an invitation and an e-mail per journey,
 * queued there for seconds in all. DRBG instances are seeded from the system's entropy each and
 * share no state.
 */
public final class RandomIds {

    private static final ThreadLocal<SecureRandom> GENERATORS = ThreadLocal.withInitial(RandomIds::newGenerator);

    private RandomIds() {}

    /** A new random UUID (version 4, IETF variant). */
    public static UUID next() {
        byte[] bytes = new byte[16];
        GENERATORS.get().nextBytes(bytes);
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

    /** A strong generator for one thread (tokens, nonces, ids). */
    public static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
