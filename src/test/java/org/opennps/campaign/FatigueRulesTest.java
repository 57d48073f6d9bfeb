package org.opennps.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The fatigue rules over a preloaded history: no database, no Spring. */
class FatigueRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final FatigueRules.Windows WINDOWS =
            new FatigueRules.Windows(Duration.ofDays(30), Duration.ofDays(7));
    private static final UUID CAMPAIGN = UUID.fromString("00000000-0000-0000-0000-00000000c0de");

    private final AtomicInteger slotsTaken = new AtomicInteger();

    private static FatigueRules.History fresh() {
        return new FatigueRules.History(UUID.randomUUID(), null, null, null, null);
    }

    private static FatigueRules.History history(Instant responded, Instant invited) {
        return new FatigueRules.History(UUID.randomUUID(), null, null, responded, invited);
    }

    private FatigueDecision survey(FatigueRules.History person) {
        return FatigueRules.decide(person, WINDOWS, NOW, CAMPAIGN, 100, true, this::takeSlot);
    }

    private boolean takeSlot() {
        slotsTaken.incrementAndGet();
        return true;
    }

    @Test
    void aPersonNeverAskedIsAllowedAndTakesOneSlot() {
        assertThat(survey(fresh())).isEqualTo(FatigueDecision.ALLOWED);
        assertThat(slotsTaken).hasValue(1);
    }

    @Test
    void anUnsubscribedPersonIsNeverAskedNorSentAMessage() {
        var person = new FatigueRules.History(UUID.randomUUID(), NOW.minusSeconds(60), null, null, null);
        assertThat(survey(person).reason()).isEqualTo("unsubscribed");
        assertThat(FatigueRules.decide(person, WINDOWS, NOW, CAMPAIGN, 100, false, null)
                        .reason())
                .isEqualTo("unsubscribed");
    }

    @Test
    void aBouncedAddressIsSuppressed() {
        var person = new FatigueRules.History(UUID.randomUUID(), null, NOW.minusSeconds(60), null, null);
        assertThat(survey(person).reason()).isEqualTo("bounced");
    }

    @Test
    void unsubscribingOutranksBouncing() {
        var person = new FatigueRules.History(UUID.randomUUID(), NOW, NOW, null, null);
        assertThat(survey(person).reason()).isEqualTo("unsubscribed");
    }

    @Test
    void aResponseInsideTheWindowSuppressesTheNextSurvey() {
        assertThat(survey(history(NOW.minus(Duration.ofDays(29)), null)).reason())
                .isEqualTo("recontact_after_response");
    }

    @Test
    void aResponseOlderThanTheWindowAllowsTheNextSurvey() {
        assertThat(survey(history(NOW.minus(Duration.ofDays(31)), null)).allowed())
                .isTrue();
    }

    @Test
    void aResponseExactlyAtTheWindowsEdgeNoLongerSuppresses() {
        assertThat(survey(history(NOW.minus(Duration.ofDays(30)), null)).allowed())
                .isTrue();
    }

    @Test
    void anUnansweredInvitationInsideItsWindowSuppresses() {
        assertThat(survey(history(null, NOW.minus(Duration.ofDays(6)))).reason())
                .isEqualTo("recontact_after_invitation");
    }

    @Test
    void anUnansweredInvitationOlderThanItsWindowAllows() {
        assertThat(survey(history(null, NOW.minus(Duration.ofDays(8)))).allowed())
                .isTrue();
    }

    @Test
    void anInvitationThatWasAnsweredLongAgoOnlyCountsTheResponseWindow() {
        // invited 40 days ago, answered 35 days ago: both outside their windows
        assertThat(survey(history(NOW.minus(Duration.ofDays(35)), NOW.minus(Duration.ofDays(40))))
                        .allowed())
                .isTrue();
    }

    @Test
    void anInvitationSentAfterTheLastResponseIsUnansweredAgain() {
        // answered 40 days ago, invited again 3 days ago and silent since
        assertThat(survey(history(NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(3))))
                        .reason())
                .isEqualTo("recontact_after_invitation");
    }

    @Test
    void plainMessagesIgnoreTheRecontactWindows() {
        var person = history(NOW.minusSeconds(60), NOW.minusSeconds(60));
        assertThat(FatigueRules.decide(person, WINDOWS, NOW, CAMPAIGN, 100, false, null))
                .isEqualTo(FatigueDecision.ALLOWED);
    }

    @Test
    void aSuppressedPersonTakesNoSlotOfTheDailyCap() {
        survey(history(NOW.minusSeconds(60), null));
        survey(new FatigueRules.History(UUID.randomUUID(), NOW, null, null, null));
        assertThat(slotsTaken).hasValue(0);
    }

    @Test
    void aFullDailyCapSuppressesWithItsReason() {
        FatigueDecision decision = FatigueRules.decide(fresh(), WINDOWS, NOW, CAMPAIGN, 100, true, () -> false);
        assertThat(decision.reason()).isEqualTo("daily_cap");
        assertThat(decision.allowed()).isFalse();
    }

    @Test
    void aSampledOutPersonIsSuppressedBeforeTheCap() {
        UUID out = java.util.stream.Stream.generate(UUID::randomUUID)
                .filter(id -> !FatigueRules.sampledIn(id, CAMPAIGN, 50))
                .findFirst()
                .orElseThrow();
        var person = new FatigueRules.History(out, null, null, null, null);
        assertThat(FatigueRules.decide(person, WINDOWS, NOW, CAMPAIGN, 50, true, this::takeSlot)
                        .reason())
                .isEqualTo("sampled_out");
        assertThat(slotsTaken).hasValue(0);
    }

    @Test
    void samplingIsStickyAndRaisingThePercentageOnlyAddsPeople() {
        for (int i = 0; i < 200; i++) {
            UUID contact = UUID.randomUUID();
            boolean at30 = FatigueRules.sampledIn(contact, CAMPAIGN, 30);
            assertThat(FatigueRules.sampledIn(contact, CAMPAIGN, 30)).isEqualTo(at30);
            if (at30) {
                assertThat(FatigueRules.sampledIn(contact, CAMPAIGN, 60)).isTrue();
            }
        }
        assertThat(FatigueRules.sampledIn(UUID.randomUUID(), CAMPAIGN, 100)).isTrue();
    }

    @Test
    void aboutThePercentageOfPeopleIsSampledIn() {
        long in = java.util.stream.IntStream.range(0, 2000)
                .filter(i -> FatigueRules.sampledIn(new UUID(i, i * 31L), CAMPAIGN, 25))
                .count();
        assertThat(in).isBetween(400L, 600L);
    }

    @Test
    void consentOutranksTheSample() {
        UUID out = java.util.stream.Stream.generate(UUID::randomUUID)
                .filter(id -> !FatigueRules.sampledIn(id, CAMPAIGN, 50))
                .findFirst()
                .orElseThrow();
        var person = new FatigueRules.History(out, NOW, null, null, null);
        assertThat(FatigueRules.decide(person, WINDOWS, NOW, CAMPAIGN, 50, true, this::takeSlot)
                        .reason())
                .isEqualTo("unsubscribed");
    }

    @Test
    void anAnsweredInvitationDoesNotHoldBackTheNextSurvey() {
        // a short window after responses, a long one after unanswered invitations:
        // invited six days ago and answered five days ago, the invitation window no longer applies
        var windows = new FatigueRules.Windows(Duration.ofDays(2), Duration.ofDays(7));
        var person = history(NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofDays(6)));
        assertThat(FatigueRules.decide(person, windows, NOW, CAMPAIGN, 100, true, null))
                .isEqualTo(FatigueDecision.ALLOWED);
    }

    @Test
    void aResponseAtTheSameInstantAsTheInvitationAnswersIt() {
        var windows = new FatigueRules.Windows(Duration.ofDays(2), Duration.ofDays(7));
        Instant both = NOW.minus(Duration.ofDays(3));
        assertThat(FatigueRules.decide(history(both, both), windows, NOW, CAMPAIGN, 100, true, null))
                .isEqualTo(FatigueDecision.ALLOWED);
    }

    @Test
    void aZeroPercentSampleAsksNobody() {
        assertThat(java.util.stream.IntStream.range(0, 2000)
                        .filter(i -> FatigueRules.sampledIn(new UUID(i, i * 7L), CAMPAIGN, 0)))
                .isEmpty();
    }
}
