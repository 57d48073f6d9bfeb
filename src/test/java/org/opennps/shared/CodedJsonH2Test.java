package org.opennps.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opennps.loop.CaseStatus;
import org.opennps.support.OnH2;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** The application's own mapper, the one requests and stored JSON go through, has the module. */
@OnH2
class CodedJsonH2Test {

    @Autowired
    JsonMapper json;

    @Test
    void theApplicationMapperReadsCodedEnumsThroughTheirWords() {
        assertThat(json.readValue("\"in_progress\"", CaseStatus.class)).isEqualTo(CaseStatus.IN_PROGRESS);
        assertThatThrownBy(() -> json.readValue("\"IN_PROGRESS\"", CaseStatus.class))
                .rootCause()
                .isInstanceOf(UnknownCodeException.class);
    }
}
