package org.opennps.shared;

import java.util.Arrays;
import java.util.Locale;

/**
 * The words of each {@link Coded} enum, worked out once per enum: {@code code()} is called for
 * every row read and every parameter bound, and lower-casing the name each time is waste.
 */
final class CodeWords {

    private static final ClassValue<String[]> WORDS = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            return Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
                    .toArray(String[]::new);
        }
    };

    private CodeWords() {}

    static String of(Enum<?> constant) {
        return WORDS.get(constant.getDeclaringClass())[constant.ordinal()];
    }
}
