package org.opennps.campaign;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The fatigue rules as a pure decision over what is already known about a person, so they can
 * be read and tested on their own; {@link FatiguePolicy} loads that history and the daily cap.
 * The order is part of the rule: consent first, then the recontact windows, the sample, and
 * the daily cap last, so a person who is suppressed anyway never uses up a slot of the cap.
 */
final class FatigueRules {

    private FatigueRules() {}

    /**
     * What decides about one person.
     *
     * @param lastRespondedAt their latest response in the workspace, or null
     * @param lastInvitedAt their latest survey invitation in the workspace, or null
     */
    record History(
            UUID contactId,
            Instant unsubscribedAt,
            Instant bouncedAt,
            Instant lastRespondedAt,
            Instant lastInvitedAt) {}

    /** The workspace's recontact windows. */
    record Windows(Duration afterResponse, Duration afterInvitation) {}

    /** Takes (or, for a preview, checks) one of the day's slots of a campaign's cap. */
    @FunctionalInterface
    interface DailySlot {
        boolean take();
    }

    /**
     * @param survey whether the message asks for feedback (plain messages skip the recontact windows)
     * @param dailySlot the campaign's daily cap, or null when it has none
     */
    static FatigueDecision decide(
            History person,
            Windows windows,
            Instant now,
            UUID campaignId,
            int samplingPercent,
            boolean survey,
            DailySlot dailySlot) {
        Optional<String> reason = consent(person);
        if (reason.isEmpty() && survey) {
            reason = recontact(person, windows, now);
        }
        if (reason.isEmpty() && !sampledIn(person.contactId(), campaignId, samplingPercent)) {
            reason = Optional.of("sampled_out");
        }
        if (reason.isEmpty() && dailySlot != null && !dailySlot.take()) {
            reason = Optional.of("daily_cap");
        }
        return reason.map(FatigueDecision::suppressed).orElse(FatigueDecision.ALLOWED);
    }

    /** {@code unsubscribed} or {@code bounced} when the person cannot be written to at all. */
    static Optional<String> consent(History person) {
        if (person.unsubscribedAt() != null) {
            return Optional.of("unsubscribed");
        }
        if (person.bouncedAt() != null) {
            return Optional.of("bounced");
        }
        return Optional.empty();
    }

    /**
     * No new survey within the window after a response; nor within the (usually shorter)
     * window after an invitation that is still unanswered.
     */
    static Optional<String> recontact(History person, Windows windows, Instant now) {
        Instant responded = person.lastRespondedAt();
        if (responded != null && responded.isAfter(now.minus(windows.afterResponse()))) {
            return Optional.of("recontact_after_response");
        }
        Instant invited = person.lastInvitedAt();
        boolean unanswered = invited != null && (responded == null || responded.isBefore(invited));
        if (unanswered && invited.isAfter(now.minus(windows.afterInvitation()))) {
            return Optional.of("recontact_after_invitation");
        }
        return Optional.empty();
    }

    /**
     * Sticky sampling: the same contact is always in or always out of one campaign's sample,
     * so raising the percentage only adds people.
     */
    static boolean sampledIn(UUID contactId, UUID campaignId, int percent) {
        if (percent >= 100) {
            return true;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((contactId + ":" + campaignId).getBytes(StandardCharsets.UTF_8));
            int bucket = Math.floorMod(ByteBuffer.wrap(digest).getInt(), 100);
            return bucket < percent;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
