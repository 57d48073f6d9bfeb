package org.opennps.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PluralsTest {

    static String pl(long n) {
        return Plurals.category(Locale.forLanguageTag("pl"), n);
    }

    @Test
    void polishHasOneFewAndManyByTheLastDigits() {
        assertThat(pl(1)).isEqualTo("one");
        assertThat(LongStream.of(2, 3, 4, 22, 23, 24, 102).mapToObj(PluralsTest::pl))
                .containsOnly("few");
        assertThat(LongStream.of(0, 5, 11, 12, 13, 14, 21, 25, 112).mapToObj(PluralsTest::pl))
                .containsOnly("many");
    }

    @Test
    void otherLanguagesFollowTheirOwnRules() {
        assertThat(Plurals.category(Locale.ENGLISH, 1)).isEqualTo("one");
        assertThat(Plurals.category(Locale.ENGLISH, 0)).isEqualTo("other");
        assertThat(Plurals.category(Locale.FRENCH, 0)).isEqualTo("one");
        assertThat(Plurals.category(Locale.forLanguageTag("cs"), 3)).isEqualTo("few");
        assertThat(Plurals.category(Locale.forLanguageTag("cs"), 5)).isEqualTo("other");
        assertThat(Plurals.category(Locale.forLanguageTag("ar"), 2)).isEqualTo("two");
        assertThat(Plurals.category(Locale.forLanguageTag("ar"), 7)).isEqualTo("few");
        assertThat(Plurals.category(Locale.forLanguageTag("ar"), 11)).isEqualTo("many");
        assertThat(Plurals.category(Locale.forLanguageTag("ar"), 100)).isEqualTo("other");
    }
}
