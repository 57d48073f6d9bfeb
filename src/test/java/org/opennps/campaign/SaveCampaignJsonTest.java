package org.opennps.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The campaign command reads the API's JSON and writes it back field for field. */
class SaveCampaignJsonTest {

    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    /** The example of the API description, every step and condition type in it. */
    private static final String EXAMPLE = """
            {"name":"After purchase","survey_id":"6f1c2a9e-2b7d-4c1e-9a51-0d6f4b3c2e10","status":"active",
             "trigger":{"event_type":"order.placed","where":[{"property":"value","op":"gte","value":10}],
                        "accept_client_events":true,"require_signed_identity":true},
             "exit_on":["order.cancelled"],
             "sampling_percent":100,
             "steps":[
               {"type":"delay","duration":"P2D"},
               {"type":"wait_until","days":["MON","TUE","WED","THU","FRI"],"from":"09:00","to":"18:00"},
               {"type":"filter","conditions":[
                  {"type":"event","event_type":"order.picked_up","within":"P2D","match":{"order_id":"{{trigger.order_id}}"}},
                  {"type":"attribute","name":"business_profile","op":"in","value":["b2c",2,true]},
                  {"type":"property","property":"city","op":"exists"},
                  {"type":"not_surveyed_within","duration":"P90D"},
                  {"type":"consent"}]},
               {"type":"action","action":"webhook","url":"https://crm.example/hook","secret":"s3cret-value"}]}
            """;

    @Test
    void theApiExampleReadsAndWritesBackUnchanged() {
        JsonNode given = json.readTree(EXAMPLE);
        SaveCampaign campaign = json.treeToValue(given, SaveCampaign.class);

        assertThat(campaign.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(campaign.steps().get(2)).isInstanceOf(CampaignStep.Filter.class);
        assertThat(((CampaignStep.Filter) campaign.steps().get(2)).conditions())
                .hasExactlyElementsOfTypes(
                        CampaignStep.EventHappened.class,
                        CampaignStep.AttributeIs.class,
                        CampaignStep.PropertyIs.class,
                        CampaignStep.NotSurveyedWithin.class,
                        CampaignStep.Consent.class);
        assertThat((JsonNode) json.valueToTree(campaign)).isEqualTo(given);
    }

    @Test
    void absentFieldsStayAbsent() {
        String minimal = """
                {"name":"Exit","trigger":{"event_type":"plan.cancelled"},
                 "steps":[{"type":"action","action":"message","subject":"Sorry","body":"Why?"}]}""";
        assertThat((JsonNode) json.valueToTree(json.readValue(minimal, SaveCampaign.class)))
                .isEqualTo(json.readTree(minimal));
    }

    @Test
    void aViewShowsTheDefinitionBesideIdVersionAndTimes() {
        SaveCampaign campaign = json.readValue(EXAMPLE, SaveCampaign.class);
        CampaignView view = new CampaignView(
                java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"),
                campaign,
                3,
                java.time.Instant.parse("2026-11-23T12:00:00Z"),
                java.time.Instant.parse("2026-11-24T12:00:00Z"),
                null);
        JsonNode shown = json.valueToTree(view);
        assertThat(shown.get("id").stringValue()).isEqualTo("00000000-0000-0000-0000-000000000001");
        assertThat(shown.get("status").stringValue()).isEqualTo("active");
        assertThat(shown.get("version").intValue()).isEqualTo(3);
        assertThat(shown.get("updated_at").stringValue()).isEqualTo("2026-11-24T12:00:00Z");
        assertThat(shown.get("steps")).isEqualTo(json.readTree(EXAMPLE).get("steps"));
        assertThat(shown.has("enrolment")).isFalse();
    }
}
