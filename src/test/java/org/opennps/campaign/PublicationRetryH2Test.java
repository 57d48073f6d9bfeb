package org.opennps.campaign;

import org.opennps.support.OnH2;

@OnH2
class PublicationRetryH2Test extends PublicationRetryTests {}
