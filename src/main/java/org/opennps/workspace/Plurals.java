package org.opennps.workspace;

import java.util.Locale;

/**
 * CLDR plural categories for the shipped languages, so a message can pick {@code .one},
 * {@code .few}, {@code .many} or {@code .other} by count. A handful of integer rules is all the
 * respondent and staff texts need, where ICU4J would add megabytes; MessageFormat choice formats
 * cannot express rules that depend on the last digits (Polish 22 "odpowiedzi" vs 25 "odpowiedzi").
 */
final class Plurals {

    private Plurals() {}

    static String category(Locale locale, long n) {
        long abs = Math.abs(n);
        long mod10 = abs % 10;
        long mod100 = abs % 100;
        return switch (locale.getLanguage()) {
            case "pl" -> abs == 1 ? "one" : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? "few" : "many";
            case "cs" -> abs == 1 ? "one" : abs >= 2 && abs <= 4 ? "few" : "other";
            case "fr" -> abs == 0 || abs == 1 ? "one" : "other";
            case "ar" ->
                abs == 0
                        ? "zero"
                        : abs == 1
                                ? "one"
                                : abs == 2
                                        ? "two"
                                        : mod100 >= 3 && mod100 <= 10 ? "few" : mod100 >= 11 ? "many" : "other";
            case "he" -> abs == 1 ? "one" : abs == 2 ? "two" : "other";
            default -> abs == 1 ? "one" : "other";
        };
    }
}
