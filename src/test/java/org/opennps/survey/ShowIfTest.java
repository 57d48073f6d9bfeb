package org.opennps.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShowIfTest {

    @Test
    void scoresFallIntoTheirCategories() {
        assertThat(ScoreCategory.of(0).code()).isEqualTo("detractor");
        assertThat(ScoreCategory.of(6).code()).isEqualTo("detractor");
        assertThat(ScoreCategory.of(7).code()).isEqualTo("passive");
        assertThat(ScoreCategory.of(8).code()).isEqualTo("passive");
        assertThat(ScoreCategory.of(9).code()).isEqualTo("promoter");
        assertThat(ScoreCategory.of(10).code()).isEqualTo("promoter");
        assertThatThrownBy(() -> ScoreCategory.of(11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void categoryRangeAndAnswerConditionsAllMustHold() {
        ShowIf passiveOnPricing = new ShowIf(List.of(ScoreCategory.PASSIVE), null, 8, "area", "Pricing");
        assertThat(passiveOnPricing.matches(8, Map.of("area", "Pricing"))).isTrue();
        assertThat(passiveOnPricing.matches(7, Map.of("area", List.of("Support", "Pricing"))))
                .isTrue();
        assertThat(passiveOnPricing.matches(8, Map.of("area", "Support"))).isFalse();
        assertThat(passiveOnPricing.matches(9, Map.of("area", "Pricing"))).isFalse();
        assertThat(passiveOnPricing.matches(null, Map.of("area", "Pricing"))).isFalse();
        assertThat(new ShowIf(null, 3, 5, null, null).matches(4, Map.of())).isTrue();
        assertThat(new ShowIf(null, null, null, "delivery", "1").matches(null, Map.of("delivery", 1)))
                .isTrue();
    }

    @Test
    void textsFallBackFromLocaleToLanguageToFirst() {
        Texts texts = new Texts(new java.util.LinkedHashMap<>(Map.of("en", "Hello")));
        Texts both = new Texts(new java.util.LinkedHashMap<>(
                java.util.Map.ofEntries(Map.entry("pl", "Cześć"), Map.entry("en-GB", "Hello"))));
        assertThat(texts.resolve("en-US")).isEqualTo("Hello");
        assertThat(both.resolve("en")).isEqualTo("Hello");
        assertThat(both.resolve("de")).isIn("Cześć", "Hello");
        assertThat(Texts.of("Hi").resolve("pl")).isEqualTo("Hi");
    }
}
