package org.opennps.web;

import org.opennps.support.OnH2;

@OnH2
class ImportPagesH2Test extends ImportPagesTests {}
