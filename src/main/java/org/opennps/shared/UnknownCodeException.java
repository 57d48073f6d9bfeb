package org.opennps.shared;

/** A word that names none of a {@link Coded} enum's constants. */
public class UnknownCodeException extends IllegalArgumentException {

    private final String allowed;

    UnknownCodeException(Class<? extends Coded> type, String code) {
        super("'" + code + "' is not a known " + type.getSimpleName() + "; expected one of " + Coded.words(type));
        this.allowed = "must be one of " + Coded.words(type);
    }

    /** What a client is told about the field: the words it may use. */
    public String allowed() {
        return allowed;
    }
}
