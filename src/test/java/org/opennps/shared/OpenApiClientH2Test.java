package org.opennps.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.apiclient.ApiClient;
import org.opennps.apiclient.ApiException;
import org.opennps.apiclient.api.AnalyticsControllerApi;
import org.opennps.apiclient.api.ContactControllerApi;
import org.opennps.apiclient.api.EventControllerApi;
import org.opennps.apiclient.api.InvitationControllerApi;
import org.opennps.apiclient.api.ResponseControllerApi;
import org.opennps.apiclient.api.SurveyControllerApi;
import org.opennps.apiclient.model.Contact;
import org.opennps.apiclient.model.ContactInput;
import org.opennps.apiclient.model.ContactRef;
import org.opennps.apiclient.model.EventsInput;
import org.opennps.apiclient.model.IntakeResult;
import org.opennps.apiclient.model.InvitationInput;
import org.opennps.apiclient.model.InvitationView;
import org.opennps.apiclient.model.Response;
import org.opennps.apiclient.model.ResponseInput;
import org.opennps.apiclient.model.Survey;
import org.opennps.apiclient.model.SurveyInput;
import org.opennps.apiclient.model.SurveyInputQuestionsInner;
import org.opennps.support.ApiTestBase;
import org.opennps.support.OnH2;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The README's quick start through a Java client generated from docs/openapi.json (by the
 * openapi-generator Maven plugin, before the tests compile) against the running server: a client
 * built from the published document alone can make every call and read every answer.
 */
@OnH2
class OpenApiClientH2Test extends ApiTestBase {

    @LocalServerPort
    int port;

    private ApiClient client;

    @BeforeEach
    void client() {
        client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
    }

    @Test
    void theQuickStartRunsThroughAClientGeneratedFromTheDocument() throws Exception {
        Contact ann = new ContactControllerApi(client)
                .upsertContact(new ContactInput()
                        .externalId("c-1")
                        .email("ann@example.com")
                        .name("Ann")
                        .locale("en")
                        .timeZone("Europe/Warsaw")
                        .attributes(Map.of("city", "Warsaw", "business_profile", "b2c")));
        assertThat(ann.getId()).isNotNull();
        assertThat(ann.getExternalId()).isEqualTo("c-1");

        EventControllerApi events = new EventControllerApi(client);
        EventsInput placed = new EventsInput()
                .id("evt-123")
                .type("order.placed")
                .contact(new ContactRef().externalId("c-1"))
                .properties(Map.of("order_id", "o-9", "shipment_type", "courier", "value", 42));
        IntakeResult first = events.ingestEvent(placed);
        assertThat(first.getAccepted()).isEqualTo(1);
        assertThat(events.ingestEvent(placed).getDuplicates()).isEqualTo(1);

        Survey survey = new SurveyControllerApi(client)
                .createSurvey(new SurveyInput()
                        .name("Post-purchase NPS")
                        .questions(List.of(
                                new SurveyInputQuestionsInner()
                                        .id("nps")
                                        .type(SurveyInputQuestionsInner.TypeEnum.NPS)
                                        .text(Map.of(
                                                "en", "How likely are you to recommend us?",
                                                "pl", "Czy polecisz nas znajomym?")),
                                new SurveyInputQuestionsInner()
                                        .id("area")
                                        .type(SurveyInputQuestionsInner.TypeEnum.SINGLE_CHOICE)
                                        .text("Which area most influenced your score?")
                                        .options(List.of("Product", "Pricing", "Support"))
                                        .showIf(Map.of("category", List.of("passive", "detractor")))))
                        .thankYou("Thank you!"));
        assertThat(survey.getId()).isNotNull();
        assertThat(survey.getQuestions()).hasSize(2);

        InvitationView link = new InvitationControllerApi(client)
                .createInvitation(new InvitationInput()
                        .surveyId(survey.getId())
                        .contact(new ContactRef().externalId("c-1").email("ann@example.com")));
        assertThat(link.getUrl()).contains("/s/");

        Response response = new ResponseControllerApi(client)
                .createResponse(new ResponseInput()
                        .surveyId(survey.getId())
                        .contact(new ContactRef().externalId("c-1"))
                        .score(8)
                        .answers(Map.of("area", "Pricing"))
                        .channel("api"));
        assertThat(response.getCategory().getValue()).isEqualTo("passive");
        assertThat(response.getContactId()).isEqualTo(ann.getId());

        background.settle();
        Map<String, Object> nps = new AnalyticsControllerApi(client)
                .npsAnalytics(survey.getId(), null, null, null, null, null, null, null);
        assertThat(nps).containsEntry("responses", 1).containsEntry("passives", 1);
        assertThat(((Number) nps.get("nps")).doubleValue()).isZero();
    }

    @Test
    void aFaultIsAProblemTheClientReports() {
        ContactControllerApi contacts = new ContactControllerApi(client);
        assertThatThrownBy(() -> contacts.upsertContact(new ContactInput().email("not-an-email")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getResponseBody()).contains("\"field\":\"email\"");
                });
    }
}
