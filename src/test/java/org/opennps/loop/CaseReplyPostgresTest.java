package org.opennps.loop;

import org.opennps.support.OnPostgres;

@OnPostgres
class CaseReplyPostgresTest extends CaseReplyTests {}
