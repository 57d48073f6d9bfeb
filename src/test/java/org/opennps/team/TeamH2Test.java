package org.opennps.team;

import org.opennps.support.OnH2;

@OnH2
class TeamH2Test extends TeamTests {}
