package org.opennps.campaign;

import java.util.Map;

/** One comparison of a named value (event property or contact attribute) with an expected value. */
record Condition(String name, ConditionOp op, Object value) {

    boolean test(Map<String, ?> values) {
        return op.test(values.get(name), value);
    }

    String describe() {
        return name + " " + op.key() + (op == ConditionOp.EXISTS && value == null ? "" : " " + value);
    }
}
