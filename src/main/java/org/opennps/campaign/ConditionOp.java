package org.opennps.campaign;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

/** Comparison of a condition: how an actual value (property, attribute) meets the expected one. */
enum ConditionOp {
    EQ,
    NEQ,
    GT,
    GTE,
    LT,
    LTE,
    IN,
    CONTAINS,
    EXISTS;

    static final String NAMES = "eq, neq, gt, gte, lt, lte, in, contains, exists";

    static ConditionOp parse(String name) {
        return Arrays.stream(values())
                .filter(op -> op.name().toLowerCase(Locale.ROOT).equals(name))
                .findFirst()
                .orElse(null);
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether {@code actual} meets {@code expected}. Numbers (or numeric strings) compare as
     * numbers, everything else as strings; a missing actual value meets only {@code exists:false}
     * and {@code neq}.
     */
    boolean test(Object actual, Object expected) {
        if (this == EXISTS) {
            boolean wanted = !(expected instanceof Boolean b) || b;
            return (actual != null) == wanted;
        }
        if (actual == null) {
            return this == NEQ;
        }
        return switch (this) {
            case EQ -> same(actual, expected);
            case NEQ -> !same(actual, expected);
            case GT -> compare(actual, expected) > 0;
            case GTE -> compare(actual, expected) >= 0;
            case LT -> compare(actual, expected) < 0;
            case LTE -> compare(actual, expected) <= 0;
            case IN ->
                expected instanceof Collection<?> options && options.stream().anyMatch(o -> same(actual, o));
            case CONTAINS -> contains(actual, expected);
            case EXISTS -> throw new IllegalStateException();
        };
    }

    private static boolean same(Object actual, Object expected) {
        Double a = number(actual);
        Double e = number(expected);
        if (a != null && e != null) {
            return a.doubleValue() == e.doubleValue();
        }
        return Objects.equals(String.valueOf(actual), String.valueOf(expected));
    }

    private static int compare(Object actual, Object expected) {
        Double a = number(actual);
        Double e = number(expected);
        if (a != null && e != null) {
            return Double.compare(a, e);
        }
        return String.valueOf(actual).compareTo(String.valueOf(expected));
    }

    private static boolean contains(Object actual, Object expected) {
        if (actual instanceof Collection<?> items) {
            return items.stream().anyMatch(i -> same(i, expected));
        }
        return String.valueOf(actual).contains(String.valueOf(expected));
    }

    private static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s && !s.isBlank()) {
            try {
                return Double.valueOf(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
