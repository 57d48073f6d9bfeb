package org.opennps.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opennps.loop.CaseStatus;
import org.opennps.survey.ScoreCategory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class CodedJsonModuleTest {

    private final JsonMapper json =
            JsonMapper.builder().addModule(new CodedJsonModule()).build();

    record Held(CaseStatus status, List<ScoreCategory> categories) {}

    @Test
    void readsEachEnumByItsWord() {
        Held held =
                json.readValue("{\"status\":\"in_progress\",\"categories\":[\"promoter\",\"detractor\"]}", Held.class);

        assertThat(held.status()).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThat(held.categories()).containsExactly(ScoreCategory.PROMOTER, ScoreCategory.DETRACTOR);
        assertThat(json.readValue("{\"status\":null}", Held.class).status()).isNull();
    }

    @Test
    void anUnknownWordFailsWithTheWordsThatAreKnown() {
        assertThatThrownBy(() -> json.readValue("\"IN_PROGRESS\"", CaseStatus.class))
                .isInstanceOf(DatabindException.class)
                .cause()
                .isInstanceOf(UnknownCodeException.class)
                .hasMessageContaining("open, in_progress, resolved");
        assertThatThrownBy(() -> json.readValue("[\"promoters\"]", new TypeReference<List<ScoreCategory>>() {}))
                .rootCause()
                .isInstanceOf(UnknownCodeException.class);
    }

    @Test
    void writesEachEnumAsItsWord() {
        assertThat(json.writeValueAsString(new Held(CaseStatus.IN_PROGRESS, List.of(ScoreCategory.PASSIVE))))
                .isEqualTo("{\"status\":\"in_progress\",\"categories\":[\"passive\"]}");
    }
}
