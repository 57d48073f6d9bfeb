package org.opennps.invitation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Link tokens: the invitation id followed by a 160-bit HMAC-SHA256 of the id and a 128-bit
 * random nonce under the server secret. Nothing that opens a survey is stored, yet the link can
 * be rebuilt for every e-mail; a changed byte fails the check.
 */
@Component
class InvitationTokens {

    private static final int MAC_BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    private final InvitationProperties properties;
    private volatile byte[] secret;
    /** One keyed MAC per thread: looking the algorithm up and keying it costs more than the MAC itself. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private final PlatformTransactionManager transactions;

    InvitationTokens(JdbcClient jdbc, InvitationProperties properties, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.transactions = transactions;
    }

    static String newNonce() {
        // from a generator of the thread's own: the shared one serialises every thread of a journey
        // batch behind one lock (a nonce per invitation)
        byte[] nonce = new byte[16];
        org.opennps.shared.RandomIds.fill(nonce);
        return ENCODER.encodeToString(nonce);
    }

    String token(UUID invitationId, String nonce) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + MAC_BYTES);
        buffer.putLong(invitationId.getMostSignificantBits()).putLong(invitationId.getLeastSignificantBits());
        buffer.put(mac(invitationId, nonce));
        return ENCODER.encodeToString(buffer.array());
    }

    /** The invitation id a token names, if the token is well-formed; check it with {@link #matches}. */
    static Optional<UUID> idOf(String token) {
        byte[] bytes = decode(token);
        if (bytes.length != 16 + MAC_BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
    }

    boolean matches(String token, UUID invitationId, String nonce) {
        byte[] bytes = decode(token);
        if (nonce == null || bytes.length != 16 + MAC_BYTES) {
            return false;
        }
        return MessageDigest.isEqual(Arrays.copyOfRange(bytes, 16, bytes.length), mac(invitationId, nonce));
    }

    /**
     * A page nonce: the issue time (epoch seconds), 96 random bits and a 128-bit HMAC of both and
     * of the page's scope (its path) under the server secret. Nothing is stored: a form carries
     * it and the post proves it was served by this server for this page, with no session.
     */
    String pageNonce(String scope, long issuedAt) {
        byte[] random = new byte[12];
        org.opennps.shared.RandomIds.fill(random);
        String body = issuedAt + "." + ENCODER.encodeToString(random);
        return body + "." + ENCODER.encodeToString(Arrays.copyOf(mac("page:" + scope + ":" + body), 16));
    }

    /** The issue time of a page nonce signed for this scope, or empty when it is forged or altered. */
    Optional<Long> pageNonceIssuedAt(String scope, String nonce) {
        if (nonce == null || nonce.length() > 100) {
            return Optional.empty();
        }
        int last = nonce.lastIndexOf('.');
        int first = nonce.indexOf('.');
        if (first <= 0 || last <= first) {
            return Optional.empty();
        }
        String body = nonce.substring(0, last);
        byte[] given = decode(nonce.substring(last + 1));
        if (!MessageDigest.isEqual(given, Arrays.copyOf(mac("page:" + scope + ":" + body), 16))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(nonce.substring(0, first)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static byte[] decode(String token) {
        if (token == null || token.length() > 100) {
            return new byte[0];
        }
        try {
            return Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private byte[] mac(UUID invitationId, String nonce) {
        return Arrays.copyOf(mac(invitationId + ":" + nonce), MAC_BYTES);
    }

    private byte[] mac(String text) {
        // doFinal leaves the MAC reset and keyed for the next text
        return macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] secret() {
        byte[] current = secret;
        if (current == null) {
            current = loadSecret().getBytes(StandardCharsets.UTF_8);
            secret = current;
        }
        return current;
    }

    private String loadSecret() {
        String configured = properties.tokenSecret();
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 32) {
                throw new IllegalStateException("opennps.invitation.token-secret must be at least 32 characters");
            }
            return configured;
        }
        byte[] generated = new byte[32];
        RANDOM.nextBytes(generated);
        // In a transaction of its own: the first token is usually made inside a batch of journeys,
        // which would otherwise hold the new row's lock (and every other thread's first token)
        // until the batch ends, and, were the batch rolled back, take the secret with it while
        // this node kept signing with it.
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return own.execute(status -> {
            jdbc.sql("insert into invitation_secret (id, secret) values (1, ?) on conflict do nothing")
                    .param(ENCODER.encodeToString(generated))
                    .update();
            return jdbc.sql("select secret from invitation_secret where id = 1")
                    .query(String.class)
                    .single();
        });
    }
}
