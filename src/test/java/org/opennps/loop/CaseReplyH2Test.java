package org.opennps.loop;

import org.opennps.support.OnH2;

@OnH2
class CaseReplyH2Test extends CaseReplyTests {}
