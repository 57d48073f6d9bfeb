package org.opennps.web;

import org.opennps.support.OnH2;

@OnH2
class CasePanelH2Test extends CasePanelTests {}
