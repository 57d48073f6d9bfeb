package org.opennps.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class EmailOutboxHeadersTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void headersAreWrittenAsAJsonObjectThatReadsBackTheSame() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<https://nps.example/s/AbC_-9/unsubscribe>");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        headers.put("X-Odd", "quote \" backslash \\ tab \t newline \n cr \r bell \u0007 sep \u2028 Zażółć");
        String written = EmailOutbox.headersJson(headers);
        Map<String, String> read = json.readValue(written, new TypeReference<LinkedHashMap<String, String>>() {});
        assertThat(read).containsExactlyEntriesOf(headers);
        assertThat(EmailOutbox.headersJson(Map.of())).isEqualTo("{}");
        assertThat(EmailOutbox.headersJson(Map.of("A", "b"))).isEqualTo(json.writeValueAsString(Map.of("A", "b")));
    }
}
