package org.opennps.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opennps.invitation.InvitationController.InvitationView.Status;
import org.opennps.shared.Coded;

class InvitationViewStatusTest {

    @Test
    void everyStoredStatusIsShownByItsOwnWord() {
        for (InvitationStatus stored : InvitationStatus.values()) {
            assertThat(Status.of(stored).code()).isEqualTo(stored.code());
        }
    }

    @Test
    void unknownIsShownButNeverStored() {
        assertThat(Status.UNKNOWN.code()).isEqualTo("unknown");
        assertThat(Coded.find(InvitationStatus.class, "unknown")).isEmpty();
    }
}
