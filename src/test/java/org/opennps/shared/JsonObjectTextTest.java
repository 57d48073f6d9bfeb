package org.opennps.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennps.invitation.Channel;
import org.opennps.invitation.IssueInvitation;
import tools.jackson.databind.json.JsonMapper;

class JsonObjectTextTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsAsTheMapOfItsTextAndWritesBackTheSameText() {
        String text = "{\"order\":\"A-17\",\"total\":12.5,\"items\":[1,2]}";
        JsonObjectText map = new JsonObjectText(text, json);
        assertThat(JsonObjectText.write(map, json)).isSameAs(text);
        assertThat(map)
                .containsEntry("order", "A-17")
                .containsEntry("total", 12.5)
                .hasSize(3);
        assertThat(map.keySet()).containsExactly("order", "total", "items");
        assertThat(json.writeValueAsString(map)).isEqualTo(text);
        assertThatThrownBy(() -> map.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(JsonObjectText.write(Map.of("a", 1), json)).isEqualTo("{\"a\":1}");
        assertThat(new JsonObjectText(null, json)).isEmpty();
    }

    @Test
    void anInvitationKeepsTheTextUnlessItHoldsNulls() {
        UUID ws = UUID.randomUUID();
        UUID survey = UUID.randomUUID();
        JsonObjectText plain = new JsonObjectText("{\"plan\":\"pro\"}", json);
        IssueInvitation kept = new IssueInvitation(ws, survey, null, Channel.EMAIL, null, null, plain);
        assertThat(kept.eventProperties()).isSameAs(plain);

        JsonObjectText withNull = new JsonObjectText("{\"plan\":\"pro\",\"coupon\":null}", json);
        IssueInvitation copied = new IssueInvitation(ws, survey, null, Channel.EMAIL, null, null, withNull);
        assertThat(copied.eventProperties()).isEqualTo(Map.of("plan", "pro"));
    }
}
