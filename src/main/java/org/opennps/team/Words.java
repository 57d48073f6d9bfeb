package org.opennps.team;

/** Field errors in plain words for people, instead of field names. */
final class Words {

    private Words() {}

    static String of(String field, String message) {
        String label = switch (field) {
            case "email" -> "E-mail";
            case "role" -> "Role";
            case "password" -> "Password";
            default -> "This field";
        };
        return label + " " + message + ".";
    }
}
