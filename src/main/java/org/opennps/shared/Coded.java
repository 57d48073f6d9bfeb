package org.opennps.shared;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum that crosses module boundaries and the API as one lower-case word ({@code open},
 * {@code in_progress}, …), stored in SQL as the same word. Request parameters of such a type are
 * converted by {@link CodedConversion}; an unknown word answers 422 naming the parameter.
 */
public interface Coded {

    /**
     * The word the API and the database use: the constant's name in lower case ({@code
     * IN_PROGRESS} is {@code in_progress}). Each enum's {@code toString()} returns it too, so logs,
     * messages and anything else that prints a constant show the word clients see.
     */
    @JsonValue
    default String code() {
        return CodeWords.of((Enum<?>) this);
    }

    /**
     * The constant of {@code type} whose word is {@code code}.
     *
     * @throws UnknownCodeException for null or a word that is none of them
     */
    static <E extends Enum<E> & Coded> E from(Class<E> type, String code) {
        return find(type, code).orElseThrow(() -> new UnknownCodeException(type, code));
    }

    /**
     * The constant of {@code type} whose word is {@code code}, or null for null: for nullable
     * columns.
     *
     * @throws UnknownCodeException for a word that is none of them
     */
    static <E extends Enum<E> & Coded> E fromNullable(Class<E> type, String code) {
        return code == null ? null : from(type, code);
    }

    /** The constant of {@code type} whose word is {@code code}, or empty (also for null). */
    static <E extends Enum<E> & Coded> Optional<E> find(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.code().equals(code)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** The word of {@code value}, or null for null: for SQL parameters and nullable columns. */
    static String codeOf(Coded value) {
        return value == null ? null : value.code();
    }

    /** The words of {@code type}, comma-separated, for messages. */
    static String words(Class<? extends Coded> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }
}
