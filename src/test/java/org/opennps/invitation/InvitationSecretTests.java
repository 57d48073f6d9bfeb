package org.opennps.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The generated link secret is stored for good the moment a node first signs with it. */
abstract class InvitationSecretTests extends ApiTestBase {

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aSecretMadeInsideATransactionThatRollsBackIsKeptSoLinksSignedWithItStillOpen() {
        String stored = jdbc.queryForList("select secret from invitation_secret where id = 1", String.class).stream()
                .findFirst()
                .orElse(null);
        try {
            jdbc.update("delete from invitation_secret");
            InvitationTokens first = new InvitationTokens(jdbcClient, new InvitationProperties(null), transactions);
            UUID invitation = UUID.randomUUID();
            String nonce = InvitationTokens.newNonce();
            String token = new TransactionTemplate(transactions).execute(status -> {
                status.setRollbackOnly(); // the batch of journeys that made the first link failed
                return first.token(invitation, nonce);
            });

            InvitationTokens afterRestart =
                    new InvitationTokens(jdbcClient, new InvitationProperties(null), transactions);
            assertThat(afterRestart.matches(token, invitation, nonce)).isTrue();
            assertThat(jdbc.queryForObject("select count(*) from invitation_secret", Integer.class))
                    .isEqualTo(1);
        } finally {
            jdbc.update("delete from invitation_secret");
            if (stored != null) {
                jdbc.update("insert into invitation_secret (id, secret) values (1, ?)", stored);
            }
        }
    }
}
