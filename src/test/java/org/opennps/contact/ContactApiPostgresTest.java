package org.opennps.contact;

import org.opennps.support.OnPostgres;

@OnPostgres
class ContactApiPostgresTest extends ContactApiTests {}
