package org.opennps.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Journey listings page in a fixed order, so moving due times never repeat or skip a journey; H2 and PostgreSQL. */
abstract class JourneyPagingTests extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void pagesNeitherRepeatNorSkipWhileDueTimesMove() throws Exception {
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        String survey = createSurvey(CampaignApiTests.PASSIVES_SURVEY);
        String campaign = createCampaign(CampaignApiTests.afterPurchase(
                survey, "active", "{'type':'action','action':'message','subject':'Hi','body':'Thanks'}"));
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            events.append(i == 0 ? "" : ",")
                    .append("{'type':'order.placed','contact':{'external_id':'page-")
                    .append(i)
                    .append("'},'properties':{'order_id':'o-")
                    .append(i)
                    .append("','value':20}}");
        }
        postJson("/api/v1/events", json("{'events':[" + events + "]}")).andExpect(status().isAccepted());
        String path = "/api/v1/campaigns/" + campaign + "/journeys?size=2&page=";
        await().atMost(Duration.ofSeconds(20))
                .until(() -> JsonPath.<Integer>read(
                                getJson(path + 1).andReturn().getResponse().getContentAsString(), "$.total")
                        == 6);

        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            seen.addAll(JsonPath.read(
                    getJson(path + page).andReturn().getResponse().getContentAsString(), "$.items[*].id"));
            // Steps run between page loads and move due times around: reverse them.
            List<UUID> ids = jdbc.sql("select id from journey where campaign_id = ? order by due_at")
                    .param(UUID.fromString(campaign))
                    .query(UUID.class)
                    .list();
            for (int i = 0; i < ids.size(); i++) {
                jdbc.sql("update journey set due_at = ? where id = ?")
                        .params(
                                java.time.OffsetDateTime.parse("2026-12-01T00:00:00Z")
                                        .minusHours(i),
                                ids.get(i))
                        .update();
            }
        }
        assertThat(seen).hasSize(6).doesNotHaveDuplicates();
    }
}
