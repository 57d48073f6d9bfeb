package org.opennps.invitation;

import org.opennps.support.OnH2;

@OnH2
class InvitationSecretH2Test extends InvitationSecretTests {}
