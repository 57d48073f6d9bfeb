package org.opennps.workspace;

import org.opennps.support.OnPostgres;

@OnPostgres
class WorkspaceApiPostgresTest extends WorkspaceApiTests {}
