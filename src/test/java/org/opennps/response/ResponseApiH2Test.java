package org.opennps.response;

import org.opennps.support.OnH2;

@OnH2
class ResponseApiH2Test extends ResponseApiTests {}
