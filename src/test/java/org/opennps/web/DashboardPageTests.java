package org.opennps.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/** The dashboard on H2 and PostgreSQL: numbers as the analytics API reports them, empty states, escaping. */
abstract class DashboardPageTests extends AdminPageTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    org.opennps.workspace.WorkspaceService workspaces;

    @Test
    void emptyWorkspaceExplainsHowToStart() throws Exception {
        mvc.perform(get("/").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No responses yet")))
                .andExpect(content().string(containsString("Send your first event")))
                .andExpect(content().string(not(containsString("trend-chart"))));
    }

    @Test
    void emptyWorkspaceOffersTheDemoWorkspace() throws Exception {
        var demo = workspaces.create(
                "demo-" + java.util.UUID.randomUUID().toString().substring(0, 8), "Demo shop", "UTC", true, null);
        users.addMember(demo.workspace().id(), admin.id(), org.opennps.workspace.UserService.ADMIN);
        admin = users.loadUserByUsername(adminEmail);
        mvc.perform(get("/").with(signedIn()))
                .andExpect(content().string(containsString("Open the demo workspace")))
                .andExpect(content()
                        .string(containsString("name=\"workspace_id\" value=\""
                                + demo.workspace().id() + "\"")));
    }

    @Test
    void showsNpsWithIntervalCategoriesSegmentsAndChartData() throws Exception {
        String survey = createSurvey();
        respond(survey, "p1", 10, "'why':'Fast delivery'");
        respond(survey, "p2", 9, "");
        respond(survey, "p3", 9, "");
        respond(survey, "n1", 8, "'area':'Pricing'");
        respond(survey, "d1", 3, "'why':'Parcel was wet'");
        awaitCounted(5);

        String page = mvc.perform(get("/").param("period", "30d").with(signedIn()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"nps-value\">40.0<");
        assertThat(page).contains("3 · 60 %").contains("1 · 20 %");
        assertThat(page).contains("NPS by city").contains("<td>Warsaw</td>");
        assertThat(page).contains("Fewer than 30: read with care");
        assertThat(page).contains("No answers in the previous period to compare with.");
        assertThat(page).contains("data-chart=\"{&quot;labels&quot;:[");
        assertThat(page).contains("Pricing").contains("1 of 1 passives chose an area.");
        assertThat(page).contains("Parcel was wet");
        assertThat(page).contains("/webjars/chart.js/4.5.1/dist/chart.umd.min.js");
    }

    @Test
    void filtersStayInTheUrlAndNarrowTheNumbers() throws Exception {
        String survey = createSurvey();
        String other = createSurvey();
        respond(survey, "p1", 10, "");
        respond(other, "d1", 0, "");
        awaitCounted(2);
        mvc.perform(get("/").param("survey", survey).with(signedIn()))
                .andExpect(content().string(containsString("id=\"nps-value\">100.0<")))
                .andExpect(content().string(containsString("selected=\"selected\">Checkout NPS")));
        mvc.perform(get("/").param("where", "city:Krakow").with(signedIn()))
                .andExpect(content().string(containsString("No responses match these filters")))
                .andExpect(content().string(containsString("value=\"city:Krakow\"")));
    }

    @Test
    void publicLinkAnswersCanBeLeftOutOfTheNumbers() throws Exception {
        String survey = createSurvey();
        respond(survey, "p1", 10, "");
        postJson(
                        "/api/v1/responses",
                        json("{'survey_id':'" + survey
                                + "','score':0,'channel':'link','contact':{'external_id':'anon'}}"))
                .andExpect(status().isCreated());
        awaitCounted(2);
        mvc.perform(get("/").with(signedIn())).andExpect(content().string(containsString("id=\"nps-value\">0.0<")));
        mvc.perform(get("/").param("channel", "!link").with(signedIn()))
                .andExpect(content().string(containsString("id=\"nps-value\">100.0<")))
                .andExpect(content().string(containsString("selected=\"selected\">All but the public link")));
    }

    @Test
    void anUnknownPeriodOrChannelIsRefusedNamingTheParameterAndItsWords() throws Exception {
        for (String page : new String[] {"/", "/dashboard/themes"}) {
            mvc.perform(get(page).param("period", "<i>7days</i>").with(signedIn()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("<code>period</code>")))
                    .andExpect(content().string(containsString("&lt;i&gt;7days&lt;/i&gt;")))
                    .andExpect(content().string(containsString("30d, 90d, 180d, 365d")))
                    .andExpect(content().string(not(containsString("<i>7days"))));
            mvc.perform(get(page).param("channel", "sms").with(signedIn()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("<code>channel</code>")))
                    .andExpect(content().string(containsString("!link, email, web, link, api, webhook")));
        }
        mvc.perform(get("/").param("period", "").param("channel", "").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("selected=\"selected\">Last 90 days")));
    }

    @Test
    void brokenSegmentIsExplainedAndLeftOut() throws Exception {
        mvc.perform(get("/").param("where", "bad segment!").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Segment: must be attribute:")))
                .andExpect(content().string(containsString("(shown without it)")));
    }

    @Test
    void commentsAreEscaped() throws Exception {
        String survey = createSurvey();
        respond(survey, "x1", 2, "'why':'<script>alert(1)</script>'");
        awaitCounted(1);
        mvc.perform(get("/").with(signedIn()))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        mvc.perform(get("/responses").with(signedIn()))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void themesShowWhatEachCostsInEnglishAndPolish() throws Exception {
        String survey = createSurvey();
        respond(survey, "t1", 2, "'why':'The parcel arrived a week late'");
        respond(survey, "t2", 3, "'why':'Paczka spóźniona o trzy dni'");
        respond(survey, "t3", 10, "'why':'Support was very helpful'");
        respond(survey, "t4", 9, "'why':'Obsługa klienta bardzo pomocna'");
        respond(survey, "t5", 9, "");
        awaitCounted(5);
        mvc.perform(get("/dashboard/themes").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Drivers to work on")))
                .andExpect(content().string(containsString("late delivery")))
                .andExpect(content().string(containsString("opóźniona dostawa")))
                .andExpect(content().string(containsString("in 2 comments")))
                .andExpect(content().string(containsString("The parcel arrived a week late")))
                .andExpect(content().string(containsString("Paczka spóźniona o trzy dni")))
                .andExpect(content().string(containsString("up to +40.0 NPS if fixed")))
                .andExpect(content().string(containsString("helpful support")))
                .andExpect(content().string(not(containsString("style="))));
    }

    @Test
    void aDriverIsNamedAndQuotedByItsComplaintsEvenWhenMostMentionsPraiseIt() throws Exception {
        String survey = createSurvey();
        respond(survey, "d1", 10, "'why':'Fast delivery, thank you'");
        respond(survey, "d2", 9, "'why':'The parcel came quickly, great delivery'");
        respond(survey, "d3", 10, "'why':'Super fast shipping'");
        respond(survey, "d4", 2, "'why':'The courier never came and the parcel was late'");
        awaitCounted(4);
        String html = mvc.perform(get("/dashboard/themes").with(signedIn()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String drivers = html.substring(html.indexOf("Drivers to work on"), html.indexOf("What customers praise"));
        org.assertj.core.api.Assertions.assertThat(drivers)
                .contains("late delivery")
                .contains("The courier never came and the parcel was late")
                .doesNotContain("fast delivery")
                .doesNotContain("Super fast shipping");
        String praised = html.substring(html.indexOf("What customers praise"));
        org.assertj.core.api.Assertions.assertThat(praised)
                .contains("fast delivery")
                .doesNotContain("The courier never came");
    }
}
