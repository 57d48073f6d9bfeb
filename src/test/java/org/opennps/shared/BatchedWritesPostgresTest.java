package org.opennps.shared;

import org.opennps.support.OnPostgres;

@OnPostgres
class BatchedWritesPostgresTest extends BatchedWritesTests {}
