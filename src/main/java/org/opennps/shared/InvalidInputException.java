package org.opennps.shared;

import java.util.List;

/** Valid JSON that breaks a rule (HTTP 422), with every field at fault. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    private static String summary(List<FieldViolation> violations) {
        if (violations.isEmpty()) {
            return "The request breaks a rule.";
        }
        FieldViolation first = violations.getFirst();
        String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
        return first.field() + ": " + first.message() + more;
    }
}
