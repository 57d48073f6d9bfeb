package org.opennps.campaign;

import org.opennps.support.OnH2;

@OnH2
class ClientEventTriggerH2Test extends ClientEventTriggerTests {}
