package org.opennps.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class SignedInUserTest {

    @Test
    void eachRoleHeldIsOneAuthority() {
        var user = new SignedInUser(
                UUID.randomUUID(),
                "ada@example.com",
                "",
                List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()),
                List.of(Role.OWNER, Role.AGENT, Role.OWNER));

        assertThat(user.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_OWNER", "ROLE_AGENT");
    }
}
