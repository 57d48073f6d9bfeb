package org.opennps.invitation;

import org.opennps.support.OnPostgres;

@OnPostgres
class InvitationSecretPostgresTest extends InvitationSecretTests {}
