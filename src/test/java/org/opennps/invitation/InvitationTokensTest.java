package org.opennps.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Link tokens under a configured secret: no database is touched. */
class InvitationTokensTest {

    private static final String SECRET = "a-test-secret-of-more-than-32-characters";

    private final InvitationTokens tokens = new InvitationTokens(null, new InvitationProperties(SECRET), null);
    private final UUID invitation = UUID.fromString("6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7");
    private final String nonce = InvitationTokens.newNonce();

    @Test
    void aTokenVerifiesForItsInvitationAndNonce() {
        String token = tokens.token(invitation, nonce);
        assertThat(tokens.matches(token, invitation, nonce)).isTrue();
        assertThat(InvitationTokens.idOf(token)).contains(invitation);
    }

    @Test
    void theSameInvitationAndNonceAlwaysGiveTheSameToken() {
        assertThat(tokens.token(invitation, nonce)).isEqualTo(tokens.token(invitation, nonce));
    }

    @Test
    void aTokenIsUrlSafeAndCarriesNoPadding() {
        assertThat(tokens.token(invitation, nonce)).matches("[A-Za-z0-9_-]{48}");
    }

    @Test
    void anotherNonceOrInvitationFailsTheCheck() {
        String token = tokens.token(invitation, nonce);
        assertThat(tokens.matches(token, invitation, InvitationTokens.newNonce()))
                .isFalse();
        assertThat(tokens.matches(token, UUID.randomUUID(), nonce)).isFalse();
        assertThat(tokens.matches(token, invitation, null)).isFalse();
    }

    @Test
    void everyChangedByteFailsTheCheck() {
        byte[] bytes = Base64.getUrlDecoder().decode(tokens.token(invitation, nonce));
        for (int i = 16; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= 1;
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(changed);
            assertThat(tokens.matches(forged, invitation, nonce))
                    .as("byte %d", i)
                    .isFalse();
        }
    }

    @Test
    void aTokenSignedUnderAnotherSecretFails() {
        var other =
                new InvitationTokens(null, new InvitationProperties("another-secret-of-more-than-32-chars!!"), null);
        assertThat(tokens.matches(other.token(invitation, nonce), invitation, nonce))
                .isFalse();
    }

    @Test
    void malformedTokensNameNoInvitationAndNeverMatch() {
        for (String bad : new String[] {null, "", "not base64 !", "abc", "A".repeat(101)}) {
            assertThat(InvitationTokens.idOf(bad)).as("%s", bad).isEmpty();
            assertThat(tokens.matches(bad, invitation, nonce)).as("%s", bad).isFalse();
        }
    }

    @Test
    void aTruncatedTokenIsRejected() {
        String token = tokens.token(invitation, nonce);
        assertThat(tokens.matches(token.substring(0, token.length() - 2), invitation, nonce))
                .isFalse();
        assertThat(InvitationTokens.idOf(token.substring(0, token.length() - 2)))
                .isEmpty();
    }

    @Test
    void noncesAreRandomAndUrlSafe() {
        assertThat(InvitationTokens.newNonce())
                .isNotEqualTo(InvitationTokens.newNonce())
                .matches("[A-Za-z0-9_-]{22}");
    }

    @Test
    void aConfiguredSecretShorterThan32CharactersIsRefused() {
        var weak = new InvitationTokens(null, new InvitationProperties("too-short"), null);
        assertThatThrownBy(() -> weak.token(invitation, nonce))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32 characters");
    }
}
