package org.opennps.imports;

import org.opennps.support.OnH2;

@OnH2
class ImportHistoryH2Test extends ImportHistoryTests {}
