package org.opennps.client;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opennps.shared.SqlTimes;
import org.opennps.workspace.Workspace;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workspace's identity secret and the check of signed identities: a site that signs
 * proves that it, not the visitor's browser, chose the external id. The secret is kept in
 * clear (an HMAC can only be verified with the secret itself) and shown once when created;
 * rotating replaces it at once.
 */
@Component
class IdentitySecrets {

    static final String PREFIX = "ids_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A created secret, as shown once. */
    record Created(String secret, Instant createdAt) {}

    /** Whether a secret exists, without showing it. */
    record Info(boolean configured, String secretHint, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    IdentitySecrets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    Created rotate(UUID workspaceId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("delete from client_identity_secret where workspace_id = ?")
                .param(workspaceId)
                .update();
        jdbc.sql("insert into client_identity_secret (workspace_id, secret, created_at) values (?, ?, ?)")
                .params(workspaceId, secret, SqlTimes.param(now))
                .update();
        return new Created(secret, now);
    }

    Info info(UUID workspaceId) {
        return jdbc.sql("select secret, created_at from client_identity_secret where workspace_id = ?")
                .param(workspaceId)
                .query((rs, i) -> new Info(
                        true,
                        rs.getString("secret").substring(0, PREFIX.length() + 4) + "…",
                        SqlTimes.instant(rs, "created_at")))
                .optional()
                .orElse(new Info(false, null, null));
    }

    /**
     * Checks a visitor's external id against its {@code user_hash} when the workspace requires
     * signed identities; anonymous visitors carry nothing to sign and pass. Returns whether the
     * identity is signed: a {@code user_hash} was given and matches (also when not required).
     *
     * @throws IdentityRejectedException 401 when the hash is missing, 403 when it is wrong
     */
    boolean verify(Workspace workspace, String externalId, String userHash) {
        if (externalId == null || externalId.startsWith("anon:")) {
            return false;
        }
        boolean required = workspace.settings().signedIdentityRequired();
        if (userHash == null || userHash.isBlank()) {
            if (required) {
                throw new IdentityRejectedException(true, "This workspace requires user_hash with every external_id.");
            }
            return false;
        }
        Optional<String> secret = secret(workspace.id());
        byte[] expected = secret.map(s -> hmac(s, externalId)).orElse(null);
        byte[] given = userHash.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        boolean matches = expected != null && MessageDigest.isEqual(expected, given);
        if (required && !matches) {
            throw new IdentityRejectedException(false, "user_hash does not match external_id.");
        }
        return matches;
    }

    private Optional<String> secret(UUID workspaceId) {
        return jdbc.sql("select secret from client_identity_secret where workspace_id = ?")
                .param(workspaceId)
                .query(String.class)
                .optional();
    }

    /** Hex HMAC-SHA256 of the external id, as ASCII bytes for a constant-time comparison. */
    static byte[] hmac(String secret, String externalId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(externalId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
