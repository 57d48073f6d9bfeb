package org.opennps.web;

import org.opennps.support.OnH2;

@OnH2
class ArchiveAndDeleteH2Test extends ArchiveAndDeleteTests {}
