package org.opennps.survey;

import java.util.List;
import java.util.regex.Pattern;

/**
 * When the website widget or an app may show a survey by itself (without a campaign queueing
 * it), and how often to the same person.
 *
 * @param triggers page triggers that ask for it: {@code exit_intent}, {@code delay}, {@code
 *     page_view}, {@code manual} or {@code event:<type>}
 * @param slots names of inline slots ({@code data-opennps-slot}) that render it
 * @param urlContains only on pages whose path contains this text; null for every page
 * @param mode {@code once} (shown once), {@code until_answered} (again after a dismissal, once
 *     the recontact window allows) or {@code max} (at most {@code max} times)
 * @param max the most displays per person in mode {@code max}; null otherwise
 * @param samplingPercent share of people who ever see it (sticky per person)
 */
public record SurveyDisplay(
        List<String> triggers, List<String> slots, String urlContains, String mode, Integer max, int samplingPercent) {

    public static final String ONCE = "once";
    public static final String UNTIL_ANSWERED = "until_answered";
    public static final String MAX = "max";
    public static final Pattern TRIGGER =
            Pattern.compile("^(exit_intent|delay|page_view|manual|event:[A-Za-z0-9_.:-]{1,100})$");
    public static final Pattern SLOT = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    public SurveyDisplay {
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        slots = slots == null ? List.of() : List.copyOf(slots);
    }

    /** Whether a call for this trigger, slot and page path may show the survey. */
    public boolean matches(String trigger, String slot, String url) {
        boolean asked = slot != null ? slots.contains(slot) : trigger != null && triggers.contains(trigger);
        return asked && (urlContains == null || (url != null && url.contains(urlContains)));
    }

    /** Whether a person who saw it {@code shown} times (and answered or not) may see it again. */
    public boolean allowsAnother(int shown, boolean answered) {
        return switch (mode) {
            case ONCE -> shown == 0;
            case UNTIL_ANSWERED -> !answered;
            case MAX -> shown < max && !answered;
            default -> false;
        };
    }
}
