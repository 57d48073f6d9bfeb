package org.opennps.loop;

import org.opennps.support.OnH2;

@OnH2
class DailyDigestH2Test extends DailyDigestTests {}
