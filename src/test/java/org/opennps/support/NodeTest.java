package org.opennps.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that drives a real Node.js program against the running server. Skipped with a message
 * where node or npm is missing, and failing instead when {@code OPENNPS_TEST_NODE_REQUIRED=true}.
 * Combine with {@link OnH2}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NodeAvailable.class)
@Tag("node")
public @interface NodeTest {}
