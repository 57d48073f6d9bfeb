package org.opennps.campaign;

/**
 * Whether a person may be asked now and, if not, why: {@code unsubscribed}, {@code bounced},
 * {@code no_email}, {@code recontact_after_response}, {@code recontact_after_invitation},
 * {@code sampled_out} or {@code daily_cap}.
 */
public record FatigueDecision(boolean allowed, String reason) {

    static final FatigueDecision ALLOWED = new FatigueDecision(true, null);

    static FatigueDecision suppressed(String reason) {
        return new FatigueDecision(false, reason);
    }
}
