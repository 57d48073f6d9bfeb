package org.opennps.delivery;

import java.util.Locale;
import java.util.Map;

/** The fixed words of survey e-mails in the languages shipped; English for the rest. */
record EmailTexts(String notLikely, String veryLikely, String openSurvey, String whyFooter, String unsubscribe) {

    private static final EmailTexts ENGLISH = new EmailTexts(
            "Not at all likely",
            "Extremely likely",
            "Open the survey",
            "You get this e-mail because you are a customer of ours.",
            "Unsubscribe from surveys");

    private static final Map<String, EmailTexts> BY_LANGUAGE = Map.of(
            "en",
            ENGLISH,
            "pl",
            new EmailTexts(
                    "Zdecydowanie nie",
                    "Zdecydowanie tak",
                    "Otwórz ankietę",
                    "Otrzymujesz tę wiadomość, ponieważ jesteś naszym klientem.",
                    "Wypisz się z ankiet"),
            "de",
            new EmailTexts(
                    "Überhaupt nicht wahrscheinlich",
                    "Äußerst wahrscheinlich",
                    "Zur Umfrage",
                    "Sie erhalten diese E-Mail, weil Sie unser Kunde sind.",
                    "Von Umfragen abmelden"));

    static EmailTexts of(String localeTag) {
        if (localeTag == null) {
            return ENGLISH;
        }
        String language = Locale.forLanguageTag(localeTag).getLanguage();
        return BY_LANGUAGE.getOrDefault(language, ENGLISH);
    }
}
