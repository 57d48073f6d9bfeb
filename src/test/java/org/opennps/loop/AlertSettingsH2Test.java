package org.opennps.loop;

import org.opennps.support.OnH2;

@OnH2
class AlertSettingsH2Test extends AlertSettingsTests {}
