package org.opennps.shared;

import org.opennps.support.OnH2;

@OnH2
class BatchedWritesH2Test extends BatchedWritesTests {}
