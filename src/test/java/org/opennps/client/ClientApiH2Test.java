package org.opennps.client;

import org.opennps.support.OnH2;

@OnH2
class ClientApiH2Test extends ClientApiTests {}
