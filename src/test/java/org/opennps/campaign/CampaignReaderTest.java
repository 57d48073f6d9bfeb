package org.opennps.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennps.shared.FieldViolation;
import tools.jackson.databind.json.JsonMapper;

/** Reading a campaign definition from its JSON: what is kept, and every rule broken named by field. */
class CampaignReaderTest {

    private static final String SURVEY = "6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7";

    private final List<FieldViolation> violations = new ArrayList<>();

    private CampaignDefinition read(String singleQuoted) {
        return CampaignReader.read(JsonMapper.builder().build().readTree(singleQuoted.replace('\'', '"')), violations);
    }

    private List<String> faults() {
        return violations.stream().map(v -> v.field() + ": " + v.message()).toList();
    }

    private static String afterPurchase(String extra) {
        return "{'name':'After purchase','survey_id':'" + SURVEY + "'," + extra
                + "'trigger':{'event_type':'order.placed','where':[{'property':'value','op':'gte','value':10}]},"
                + "'exit_on':['order.cancelled'],'sampling_percent':40,'daily_cap':25,"
                + "'steps':[{'type':'delay','duration':'P2D'},"
                + "{'type':'wait_until','days':['MON','FRI'],'from':'09:00','to':'18:00'},"
                + "{'type':'action','action':'email','subject':'How did we do?'}]}";
    }

    @Test
    void aTriggerCampaignIsReadWithEveryPart() {
        CampaignDefinition c = read(afterPurchase(""));

        assertThat(violations).isEmpty();
        assertThat(c.name()).isEqualTo("After purchase");
        assertThat(c.surveyId()).isEqualTo(UUID.fromString(SURVEY));
        assertThat(c.status()).isEqualTo("draft");
        assertThat(c.triggerEventType()).isEqualTo("order.placed");
        assertThat(c.where()).hasSize(1);
        assertThat(c.where().getFirst().name()).isEqualTo("value");
        assertThat(c.exitOn()).containsExactly("order.cancelled");
        assertThat(c.samplingPercent()).isEqualTo(40);
        assertThat(c.dailyCap()).isEqualTo(25);
        assertThat(c.steps())
                .containsExactly(
                        new Step.Delay(Duration.ofDays(2)),
                        new Step.WaitUntil(
                                java.util.Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                LocalTime.of(9, 0),
                                LocalTime.of(18, 0)),
                        new Step.Action("email", "How did we do?", null, null, null));
        assertThat(c.audience()).isNull();
    }

    @Test
    void withoutSamplingOrCapEveryoneIsSampledAndNothingIsCapped() {
        CampaignDefinition c = read("{'name':'n','survey_id':'" + SURVEY + "','trigger':{'event_type':'signup'},"
                + "'steps':[{'type':'action','action':'email'}]}");
        assertThat(violations).isEmpty();
        assertThat(c.samplingPercent()).isEqualTo(100);
        assertThat(c.dailyCap()).isNull();
        assertThat(c.exitOn()).isEmpty();
    }

    @Test
    void anUnknownStatusIsRejected() {
        read(afterPurchase("'status':'running',"));
        assertThat(faults()).containsExactly("status: must be draft, active or paused");
    }

    @Test
    void aCampaignNeedsATriggerOrAnAudienceButNotBoth() {
        read("{'name':'n','steps':[{'type':'action','action':'message','subject':'s','body':'b'}]}");
        assertThat(faults()).containsExactly("trigger: is required, unless the campaign has an audience");

        violations.clear();
        read("{'name':'n','trigger':{'event_type':'a'},'audience':{'categories':['passive']},"
                + "'steps':[{'type':'action','action':'message','subject':'s','body':'b'}]}");
        assertThat(faults())
                .containsExactly(
                        "audience: give either trigger (events start journeys) or audience (past respondents), not both");
    }

    @Test
    void samplingAndCapMustBeWholeNumbersInRange() {
        read(afterPurchase("")
                .replace("'sampling_percent':40", "'sampling_percent':0")
                .replace("'daily_cap':25", "'daily_cap':2.5"));
        assertThat(faults())
                .containsExactlyInAnyOrder(
                        "sampling_percent: must be a whole number from 1 to 100",
                        "daily_cap: must be a whole number from 1 to 10000000");
    }

    @Test
    void delaysOutsideOneSecondTo400DaysAreRejected() {
        read(afterPurchase("").replace("'P2D'", "'P401D'"));
        assertThat(faults()).singleElement().asString().endsWith("must be between PT1S and P400D");
        violations.clear();
        read(afterPurchase("").replace("'P2D'", "'two days'"));
        assertThat(faults()).singleElement().asString().endsWith("must be an ISO-8601 duration such as P2D or PT3S");
    }

    @Test
    void anInvitingActionNeedsASurvey() {
        read(afterPurchase("").replace("'survey_id':'" + SURVEY + "',", ""));
        assertThat(faults()).containsExactly("survey_id: is required for email, web and webhook actions");
    }

    @Test
    void aSurveyIdMustBeAUuid() {
        read(afterPurchase("").replace(SURVEY, "survey-1"));
        assertThat(faults()).containsExactly("survey_id: must be a survey id (UUID)");
    }

    @Test
    void anEventTypeWithSpacesIsRejected() {
        read(afterPurchase("").replace("'event_type':'order.placed'", "'event_type':'order placed'"));
        assertThat(faults())
                .containsExactly("trigger.event_type: must be 1-100 letters, digits, _ . : - (e.g. order.placed)");
    }

    @Test
    void anAudienceCampaignReadsItsRestrictionsAndResurvey() {
        CampaignDefinition c = read("{'name':'We listened','audience':{'categories':['passive','detractor'],"
                + "'since':'2026-01-01T00:00:00Z','until':'2026-06-01T00:00:00Z'},"
                + "'resurvey':{'on_event':'order.delivered','survey_id':'" + SURVEY + "'},"
                + "'steps':[{'type':'action','action':'message','subject':'We changed','body':'Thanks'}]}");
        assertThat(violations).isEmpty();
        assertThat(c.audience().categories()).containsExactlyInAnyOrder("passive", "detractor");
        assertThat(c.resurvey().onEvent()).isEqualTo("order.delivered");
        assertThat(c.triggerEventType()).isEqualTo("order.delivered");
    }

    @Test
    void anAudienceWithAnUnknownCategoryOrBackwardsPeriodIsRejected() {
        read("{'name':'n','audience':{'categories':['fans'],"
                + "'since':'2026-06-01T00:00:00Z','until':'2026-01-01T00:00:00Z'},"
                + "'steps':[{'type':'action','action':'message','subject':'s','body':'b'}]}");
        assertThat(faults())
                .containsExactlyInAnyOrder(
                        "audience.categories: must list promoter, passive or detractor",
                        "audience.until: must be after since");
    }

    @Test
    void aResurveyNeedsAnAudience() {
        read(afterPurchase("'resurvey':{'on_event':'x','survey_id':'" + SURVEY + "'},"));
        assertThat(faults()).containsExactly("resurvey: is only for campaigns with an audience");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        read("{'name':'','status':'x','trigger':{'event_type':''},'sampling_percent':500,"
                + "'steps':[{'type':'action','action':'message','subject':'s','body':'b'}]}");
        assertThat(violations.size()).isGreaterThanOrEqualTo(4);
        assertThat(violations)
                .extracting(FieldViolation::field)
                .contains("name", "status", "trigger.event_type", "sampling_percent");
    }
}
