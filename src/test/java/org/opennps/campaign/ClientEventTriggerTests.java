package org.opennps.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.event.IngestedEvent;
import org.opennps.shared.PageResult;
import org.opennps.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Events sent with the public key start no campaign unless its trigger accepts client events,
 * which it may only do with a signed identity; and their properties never travel into the
 * journey (so never into a subject or a header).
 */
abstract class ClientEventTriggerTests extends ApiTestBase {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    @Autowired
    JourneyStarter starter;

    @Autowired
    CampaignService campaigns;

    private String survey;
    private String tag;

    @BeforeEach
    void survey() throws Exception {
        clock.set(AT);
        tag = UUID.randomUUID().toString().substring(0, 8);
        survey = JsonPath.read(
                postJson("/api/v1/surveys", CampaignApiTests.PASSIVES_SURVEY)
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    @Test
    void clientEventsStartNoOrdinaryCampaignEvenWhenSigned() throws Exception {
        UUID campaign = campaign("active", "");
        UUID contact = contact("a");
        starter.handle(ws(), List.of(event("c1", contact, IngestedEvent.CLIENT)));
        starter.handle(ws(), List.of(event("c2", contact, IngestedEvent.CLIENT_SIGNED)));
        assertThat(journeys(campaign).total()).isZero();

        starter.handle(ws(), List.of(event("s1", contact, IngestedEvent.SERVER)));
        assertThat(journeys(campaign).total()).isEqualTo(1);
    }

    @Test
    void aCampaignAcceptingClientEventsTakesOnlySignedOnesAndNotTheirProperties() throws Exception {
        UUID campaign = campaign("active", ",'accept_client_events':true,'require_signed_identity':true");
        UUID contact = contact("b");
        starter.handle(ws(), List.of(event("c1", contact, IngestedEvent.CLIENT)));
        assertThat(journeys(campaign).total()).isZero();

        starter.handle(ws(), List.of(event("c2", contact, IngestedEvent.CLIENT_SIGNED)));
        List<Journey> started = journeys(campaign).items();
        assertThat(started).hasSize(1);
        assertThat(started.getFirst().triggerProperties()).isEqualTo("{}");
    }

    @Test
    void acceptingClientEventsWithoutSignedIdentityCannotBeActivated() throws Exception {
        String draft = body("draft", ",'accept_client_events':true");
        String id = JsonPath.read(
                postJson("/api/v1/campaigns", draft)
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        mvc.perform(post("/api/v1/campaigns/" + id + "/activate").header("Authorization", "Bearer " + key))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("trigger.require_signed_identity"));
        postJson("/api/v1/campaigns", body("active", ",'accept_client_events':true"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("trigger.require_signed_identity"));
        postJson("/api/v1/campaigns", body("draft", ",'accept_client_events':'yes'"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("trigger.accept_client_events"));
    }

    private UUID campaign(String status, String triggerExtra) throws Exception {
        String created = postJson("/api/v1/campaigns", body(status, triggerExtra))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return UUID.fromString(JsonPath.read(created, "$.id"));
    }

    private String body(String status, String triggerExtra) {
        return json("{'name':'Subject from the event','survey_id':'" + survey + "','status':'" + status + "',"
                + "'trigger':{'event_type':'signup." + tag + "'" + triggerExtra + "},"
                + "'steps':[{'type':'delay','duration':'P1D'},"
                + "{'type':'action','action':'email','subject':'Hello {{trigger.plan}}'}]}");
    }

    private IngestedEvent event(String id, UUID contact, String source) {
        return new IngestedEvent(
                id + "-" + tag, "signup." + tag, contact, Map.of("plan", "WIN A PRIZE at evil.example"), AT, source);
    }

    private UUID contact(String name) throws Exception {
        postJson(
                "/api/v1/contacts",
                json("{'external_id':'" + name + tag + "','email':'" + name + tag + "@example.com'}"));
        String body = getJson("/api/v1/contacts?external_id=" + name + tag)
                .andReturn()
                .getResponse()
                .getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.items[0].id"));
    }

    private PageResult<Journey> journeys(UUID campaign) {
        return campaigns.journeys(ws(), campaign, null, PageResult.Request.of(1, 50));
    }

    private UUID ws() {
        return workspace.workspace().id();
    }
}
