package org.opennps.shared;

/** Shortens personal data for log lines: enough to tell entries apart, not to read them. */
public final class LogMask {

    private LogMask() {}

    /** {@code ada@shop.example} → {@code a***@s***}; anything else → {@code ***}. */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return "(none)";
        }
        String text = email.trim();
        int at = text.indexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            return text.charAt(0) + "***";
        }
        return text.charAt(0) + "***@" + text.charAt(at + 1) + "***";
    }
}
