package org.opennps.workspace;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opennps.shared.FieldViolation;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Settings form exactly as typed, so a form with a mistake comes back with every entry kept.
 * Durations are a whole number and a unit (days or hours) instead of ISO-8601 text; problems
 * are keyed by the form's field names and worded for people.
 */
record SettingsForm(
        String name,
        String timeZone,
        Amount recontactAfterResponse,
        Amount recontactAfterInvitation,
        Amount invitationExpiry,
        String senderName,
        String senderEmail,
        String displayName,
        String logoUrl,
        String brandColor,
        String allowedOrigins,
        boolean oneClickConfirmation) {

    /** A duration as the form shows it: "90" and "days". */
    record Amount(String amount, String unit) {

        static Amount of(String iso) {
            try {
                Duration d = Duration.parse(iso);
                return d.toHours() % 24 == 0
                        ? new Amount(Long.toString(d.toDays()), "days")
                        : new Amount(Long.toString(d.toHours()), "hours");
            } catch (DateTimeParseException e) {
                return new Amount("", "days");
            }
        }

        /** The ISO-8601 text, or null (with a problem added) when the number is not one. */
        String iso(String field, Map<String, String> problems) {
            long max = "hours".equals(unit) ? 3650L * 24 : 3650;
            try {
                long n = Long.parseLong(amount.strip());
                if (n >= 0 && n <= max) {
                    return "hours".equals(unit) ? "PT" + n + "H" : "P" + n + "D";
                }
            } catch (NumberFormatException e) {
                // worded below
            }
            problems.put(
                    field,
                    "Enter a whole number from 0 to " + max + " " + ("hours".equals(unit) ? "hours" : "days") + ".");
            return null;
        }
    }

    static final List<String> DURATIONS =
            List.of("recontact_after_response", "recontact_after_invitation", "invitation_expiry");

    static SettingsForm of(Workspace w) {
        WorkspaceSettings s = w.settings();
        return new SettingsForm(
                w.name(),
                w.timeZone(),
                Amount.of(s.recontactAfterResponse()),
                Amount.of(s.recontactAfterInvitation()),
                Amount.of(s.invitationExpiry()),
                orEmpty(s.senderName()),
                orEmpty(s.senderEmail()),
                orEmpty(s.displayName()),
                orEmpty(s.logoUrl()),
                s.brandColor(),
                String.join("\n", s.allowedOrigins()),
                s.oneClickConfirmation());
    }

    static SettingsForm read(MultiValueMap<String, String> p) {
        return new SettingsForm(
                text(p, "name"),
                text(p, "time_zone"),
                amount(p, "recontact_after_response"),
                amount(p, "recontact_after_invitation"),
                amount(p, "invitation_expiry"),
                text(p, "sender_name"),
                text(p, "sender_email"),
                text(p, "display_name"),
                text(p, "logo_url"),
                text(p, "brand_color"),
                text(p, "allowed_origins"),
                "true".equals(p.getFirst("one_click_confirmation")));
    }

    /** The PATCH body of the workspace API; problems of the durations are added to {@code problems}. */
    ObjectNode toJson(JsonMapper json, Map<String, String> problems) {
        ObjectNode body = json.createObjectNode().put("name", name).put("time_zone", timeZone);
        ObjectNode settings = body.putObject("settings");
        putIfValid(
                settings, "recontact_after_response", recontactAfterResponse.iso("recontact_after_response", problems));
        putIfValid(
                settings,
                "recontact_after_invitation",
                recontactAfterInvitation.iso("recontact_after_invitation", problems));
        putIfValid(settings, "invitation_expiry", invitationExpiry.iso("invitation_expiry", problems));
        settings.put("brand_color", brandColor.strip());
        settings.put("one_click_confirmation", oneClickConfirmation);
        settings.put("sender_name", blankToNull(senderName));
        settings.put("sender_email", blankToNull(senderEmail));
        settings.put("display_name", blankToNull(displayName));
        settings.put("logo_url", blankToNull(logoUrl));
        var list = settings.putArray("allowed_origins");
        List.of(allowedOrigins.split("[\\s,]+")).stream()
                .filter(o -> !o.isBlank())
                .forEach(list::add);
        return body;
    }

    /** The API's problems keyed by this form's field names, in plain words. */
    static Map<String, String> problems(List<FieldViolation> violations) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (FieldViolation v : violations) {
            String field = v.field().replaceFirst("^settings\\.", "");
            problems.merge(field, plain(field), (a, b) -> a);
        }
        return problems;
    }

    private static String plain(String field) {
        return switch (field) {
            case "name" -> "Enter a name of up to 200 characters.";
            case "time_zone" -> "Enter a time zone such as Europe/Warsaw or America/New_York.";
            case "sender_name", "display_name" -> "Enter up to 100 characters, without line breaks.";
            case "sender_email" -> "Enter an e-mail address such as support@shop.example, or leave it empty.";
            case "logo_url" -> "Enter the address of an image starting with https://, or leave it empty.";
            case "brand_color" -> "Enter a colour as # and six hexadecimal digits, such as #4f46e5.";
            case "allowed_origins" -> "Enter at most 50 origins, one per line, each like https://shop.example.";
            default -> "Enter a whole number from 0 to 3650 days.";
        };
    }

    private static Amount amount(MultiValueMap<String, String> p, String name) {
        String unit = text(p, name + "_unit");
        return new Amount(text(p, name + "_amount"), "hours".equals(unit) ? "hours" : "days");
    }

    private static void putIfValid(ObjectNode settings, String name, String iso) {
        if (iso != null) {
            settings.put(name, iso);
        }
    }

    private static String text(MultiValueMap<String, String> p, String name) {
        String value = p.getFirst(name);
        return value == null ? "" : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }
}
