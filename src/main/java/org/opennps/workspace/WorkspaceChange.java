package org.opennps.workspace;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import tools.jackson.databind.JsonNode;

/** A partial update of a workspace: only the fields present in the request change. */
public record WorkspaceChange(JsonNode body) {

    private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");
    private static final Pattern ORIGIN = Pattern.compile("^https?://[A-Za-z0-9.-]+(:\\d{1,5})?$");
    private static final Duration MAX_WINDOW = Duration.ofDays(3650);

    Workspace applyTo(Workspace current) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields fields = JsonFields.of(body, "", violations);
        String name = fields.has("name") ? fields.string("name", 200, true) : current.name();
        String zone = fields.has("time_zone") ? fields.timeZone("time_zone") : current.timeZone();
        WorkspaceSettings settings = current.settings();
        JsonFields s = fields.object("settings", false);
        if (s != null) {
            WorkspaceSettings old = settings;
            settings = new WorkspaceSettings(
                    window(s, "recontact_after_response", old.recontactAfterResponse()),
                    window(s, "recontact_after_invitation", old.recontactAfterInvitation()),
                    window(s, "invitation_expiry", old.invitationExpiry()),
                    s.has("sender_name") ? s.string("sender_name", 100, false) : old.senderName(),
                    s.has("sender_email") ? s.email("sender_email", false) : old.senderEmail(),
                    s.has("brand_color") ? matching(s, "brand_color", COLOR, "#rrggbb") : old.brandColor(),
                    s.has("logo_url")
                            ? matching(s, "logo_url", Pattern.compile("^https?://\\S{1,500}$"), "an http(s) URL")
                            : old.logoUrl(),
                    s.has("allowed_origins") ? origins(s) : old.allowedOrigins(),
                    s.has("one_click_confirmation") ? bool(s, "one_click_confirmation") : old.oneClickConfirmation(),
                    s.has("default_locale") ? s.locale("default_locale") : old.defaultLocale(),
                    s.has("signed_identity_required")
                            ? bool(s, "signed_identity_required")
                            : old.signedIdentityRequired(),
                    s.has("display_name") ? s.string("display_name", 100, false) : old.displayName());
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Workspace(
                current.id(),
                current.slug(),
                name,
                current.publicKey(),
                zone,
                settings,
                current.demo(),
                current.createdAt());
    }

    private static String window(JsonFields s, String name, String old) {
        if (!s.has(name)) {
            return old;
        }
        String text = s.string(name, 40, true);
        if (text == null) {
            return old;
        }
        try {
            Duration d = Duration.parse(text);
            if (d.isNegative() || d.compareTo(MAX_WINDOW) > 0) {
                s.reject(name, "must be between P0D and P3650D");
            }
            return text;
        } catch (DateTimeParseException e) {
            s.reject(name, "must be an ISO-8601 duration such as P90D");
            return old;
        }
    }

    private static String matching(JsonFields s, String name, Pattern pattern, String rule) {
        String text = s.string(name, 500, false);
        if (text != null && !pattern.matcher(text).matches()) {
            s.reject(name, "must be " + rule);
        }
        return text;
    }

    private static boolean bool(JsonFields s, String name) {
        JsonNode node = s.raw(name);
        if (!node.isBoolean()) {
            s.reject(name, "must be true or false");
            return false;
        }
        return node.booleanValue();
    }

    private static List<String> origins(JsonFields s) {
        JsonNode node = s.raw("allowed_origins");
        List<String> result = new ArrayList<>();
        if (!node.isArray() || node.size() > 50) {
            s.reject("allowed_origins", "must be a list of at most 50 origins");
            return result;
        }
        for (JsonNode origin : node) {
            if (!origin.isString() || !ORIGIN.matcher(origin.stringValue()).matches()) {
                s.reject("allowed_origins", "each origin must look like https://shop.example[:port]");
                return result;
            }
            result.add(origin.stringValue());
        }
        return result;
    }
}
