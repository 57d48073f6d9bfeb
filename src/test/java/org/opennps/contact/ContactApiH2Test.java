package org.opennps.contact;

import org.opennps.support.OnH2;

@OnH2
class ContactApiH2Test extends ContactApiTests {}
