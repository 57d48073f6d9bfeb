package org.opennps.web;

import org.opennps.support.OnPostgres;

@OnPostgres
class ArchiveAndDeletePostgresTest extends ArchiveAndDeleteTests {}
