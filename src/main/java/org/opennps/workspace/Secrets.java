package org.opennps.workspace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Generation and hashing of keys. Keys carry 240 random bits, so a fast hash is safe. */
final class Secrets {

    static final String API_KEY_PREFIX = "onps_";
    static final String PUBLIC_KEY_PREFIX = "pk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    static String newApiKey() {
        return API_KEY_PREFIX + random(30);
    }

    static String newPublicKey() {
        return PUBLIC_KEY_PREFIX + random(18);
    }

    static String newPassword() {
        return random(15);
    }

    static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The visible start of a key, for lists: enough to tell keys apart, useless to an attacker. */
    static String displayPrefix(String key) {
        return key.substring(0, Math.min(12, key.length()));
    }
}
