package org.opennps.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The NPS statistics against values worked out by hand (z = 1.959964, the 97.5 % point of the
 * standard normal). Each comment shows the arithmetic the expected numbers come from.
 */
class NpsMathTest {

    private static final double EPS = 1e-6;

    @Test
    void nobodyAnsweredHasNoScoreAndNoInterval() {
        assertThat(NpsMath.nps(Tally.EMPTY)).isNull();
        assertThat(NpsMath.interval95(Tally.EMPTY)).isNull();
    }

    @Test
    void passivesCountInTheDenominator() {
        // 80 promoters, 65 passives, 55 detractors: 100 × (80 − 55) / 200 = 12.5
        assertThat(NpsMath.nps(new Tally(80, 65, 55))).isEqualTo(12.5);
    }

    @Test
    void intervalOfAMixedGroupIsCentredOnTheAdjustedScore() {
        // n' = 203; p'P = 80.75/203 = 0.397783; p'D = 55.75/203 = 0.274631
        // NPS' = 25/203 = 0.123153; V' = 0.672414 − 0.123153² = 0.657247
        // half width = 1.959964 × √(0.657247/203) = 0.111523 → [1.162971, 23.467571]
        double[] ci = NpsMath.interval95(new Tally(80, 65, 55));
        assertThat(ci[0]).isCloseTo(1.162971, within(EPS));
        assertThat(ci[1]).isCloseTo(23.467571, within(EPS));
        assertThat(NpsMath.adjustedVariance(new Tally(80, 65, 55))).isCloseTo(0.6572472, within(EPS));
    }

    @Test
    void allPromotersStillHaveAnUncertainScoreClippedAtOneHundred() {
        // n = 10, n' = 13; p'P = 10.75/13 = 0.826923; p'D = 0.75/13 = 0.057692
        // NPS' = 10/13 = 0.769231; V' = 0.884615 − 0.591716 = 0.292899
        // half = 1.959964 × √(0.292899/13) = 0.294195 → [47.503552, 106.34] → high clipped to 100
        Tally all = new Tally(10, 0, 0);
        assertThat(NpsMath.nps(all)).isEqualTo(100.0);
        assertThat(NpsMath.interval95(all)).containsExactly(new double[] {47.503552, 100.0}, within(EPS));
    }

    @Test
    void allDetractorsMirrorAllPromoters() {
        Tally all = new Tally(0, 0, 10);
        assertThat(NpsMath.nps(all)).isEqualTo(-100.0);
        assertThat(NpsMath.interval95(all)).containsExactly(new double[] {-100.0, -47.503552}, within(EPS));
    }

    @Test
    void oneAnswerGivesAWideInterval() {
        // one promoter: n' = 4; p'P = 1.75/4 = 0.4375; p'D = 0.75/4 = 0.1875; NPS' = 0.25
        // V' = 0.625 − 0.0625 = 0.5625; half = 1.959964 × √(0.5625/4) = 1.959964 × 0.375 = 0.734986
        // → [25 − 73.4986, 25 + 73.4986] = [−48.498649, 98.498649]
        assertThat(NpsMath.interval95(new Tally(1, 0, 0)))
                .containsExactly(new double[] {-48.498649, 98.498649}, within(EPS));
        // one passive: NPS' = 0, V' = 0.375, half = 1.959964 × √(0.375/4) = 0.600114
        assertThat(NpsMath.interval95(new Tally(0, 1, 0)))
                .containsExactly(new double[] {-60.011396, 60.011396}, within(EPS));
    }

    @Test
    void comparisonOfTwoPeriodsUsesTheAdjustedScores() {
        // A = (80, 65, 55): NPS' = 0.123153, V'/n' = 0.657247/203 = 0.00323767
        // B = (60, 70, 70): NPS' = −10/203 = −0.049261, V' = 0.645357, V'/n' = 0.00317910
        // z = 0.172414 / √0.00641677 = 0.172414 / 0.080105 = 2.152355; p = 2 × Φ(−2.152355) = 0.031369
        double z = NpsMath.z(new Tally(80, 65, 55), new Tally(60, 70, 70));
        assertThat(z).isCloseTo(2.152355, within(EPS));
        assertThat(NpsMath.twoSidedP(z)).isCloseTo(0.031369, within(EPS));
    }

    @Test
    void tiedGroupsAreNotDifferent() {
        Tally same = new Tally(12, 5, 3);
        assertThat(NpsMath.z(same, same)).isZero();
        assertThat(NpsMath.twoSidedP(0)).isEqualTo(1.0);
    }

    @Test
    void holmMultipliesBySteppingDownAndStaysMonotone() {
        // sorted 0.01, 0.02, 0.04, 0.30 → ×4, ×3, ×2, ×1 = 0.04, 0.06, 0.08, 0.30
        double[] adjusted = NpsMath.holm(List.of(0.04, 0.01, 0.30, 0.02));
        assertThat(adjusted).containsExactly(new double[] {0.08, 0.04, 0.30, 0.06}, within(1e-12));
        // ties: 0.02, 0.02, 0.5 → 0.06, then max(0.06, 0.04) = 0.06, then 0.5
        assertThat(NpsMath.holm(List.of(0.02, 0.5, 0.02)))
                .containsExactly(new double[] {0.06, 0.5, 0.06}, within(1e-12));
        // a tiny group set is capped at 1
        assertThat(NpsMath.holm(List.of(0.7, 0.6))).containsExactly(new double[] {1.0, 1.0}, within(1e-12));
    }
}
