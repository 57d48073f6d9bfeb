package org.opennps.respond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.invitation.InvitationStatus;
import org.opennps.response.ResponseScored;
import org.opennps.support.ApiTestBase;
import org.opennps.support.RecordedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The respondent's pages through HTTP; run on H2 and PostgreSQL by the subclasses. */
abstract class RespondPagesTests extends ApiTestBase {

    static final String EARN = "What could we do to earn a 9 or 10 from you?";
    static final String SURVEY = json("{'name':'Post-purchase NPS','questions':["
            + "{'id':'nps','type':'nps','text':{'en':'How likely are you to recommend us?','pl':'Czy polecisz nas?'}},"
            + "{'id':'earn9','type':'text','text':'" + EARN + "','show_if':{'category':['passive']}},"
            + "{'id':'sorry','type':'text','text':'What disappointed you most?','show_if':{'category':['detractor']}},"
            + "{'id':'area','type':'single_choice','text':'Which area most influenced your score?',"
            + "'options':['Product','Pricing','Support','Delivery','Ease of use','Other'],'required':true,"
            + "'show_if':{'category':['passive','detractor']}},"
            + "{'id':'loved','type':'text','text':'What did you like most?','show_if':{'category':['promoter']}}],"
            + "'thank_you':'Thanks a lot!'}");

    @Autowired
    RecordedEvents events;

    String surveyId;
    String path;
    String contactId;

    @BeforeEach
    void personalLink() throws Exception {
        surveyId = JsonPath.read(
                postJson("/api/v1/surveys", SURVEY).andReturn().getResponse().getContentAsString(), "$.id");
        String body = postJson(
                        "/api/v1/invitations",
                        json("{'survey_id':'" + surveyId + "','contact':{'external_id':'c-1','locale':'en',"
                                + "'attributes':{'city':'Warsaw','business_profile':'b2c'}}}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String url = JsonPath.read(body, "$.url");
        path = url.substring(url.indexOf("/s/"));
        contactId = JsonPath.read(body, "$.contact_id");
    }

    String page(String url) throws Exception {
        return mvc.perform(get(url))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** A post as the page's form sends it: no session, no cookie, the page nonce it was served with. */
    MockHttpServletRequestBuilder form(String url, String... fields) {
        MockHttpServletRequestBuilder request = post(url).param("_page", invitations.pageNonce(url));
        for (int i = 0; i < fields.length; i += 2) {
            request = request.param(fields[i], fields[i + 1]);
        }
        return request;
    }

    static boolean shown(String html, String questionId) {
        int at = html.indexOf("id=\"q-" + questionId + "\"");
        assertThat(at).as("question %s on the page", questionId).isNotNegative();
        return !html.substring(at, html.indexOf('>', at)).contains(" hidden");
    }

    String responses() throws Exception {
        return getJson("/api/v1/responses?survey_id=" + surveyId)
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void passiveSeesEarnANineQuestionAndFinishes() throws Exception {
        String html = page(path + "?score=8");
        assertThat(html).contains(EARN).contains("Not at all likely").contains("Extremely likely");
        assertThat(shown(html, "earn9")).isTrue();
        assertThat(shown(html, "area")).isTrue();
        assertThat(shown(html, "sorry")).isFalse();
        assertThat(shown(html, "loved")).isFalse();
        mvc.perform(form(
                        path,
                        "score",
                        "8",
                        "shown",
                        "earn9",
                        "shown",
                        "area",
                        "earn9",
                        "Free delivery",
                        "area",
                        "Pricing"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(path + "/thanks"));
        assertThat(page(path + "/thanks")).contains("Thanks a lot!");
        String list = responses();
        assertThat(JsonPath.<Integer>read(list, "$.items[0].score")).isEqualTo(8);
        assertThat(JsonPath.<String>read(list, "$.items[0].category")).isEqualTo("passive");
        assertThat(JsonPath.<Boolean>read(list, "$.items[0].confirmed")).isTrue();
        assertThat(JsonPath.<String>read(list, "$.items[0].answers.area")).isEqualTo("Pricing");
        assertThat(JsonPath.<String>read(list, "$.items[0].contact_attributes.city"))
                .isEqualTo("Warsaw");
        assertThat(JsonPath.<Object>read(list, "$.items[0].completed_at")).isNotNull();
        assertThat(page(path)).contains("already answered");
        getJson("/api/v1/invitations?contact_id=" + contactId)
                .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.items[0].status")
                                .value("responded"));
    }

    @Test
    void detractorSeesDetractorQuestionsWithoutJavaScript() throws Exception {
        String html = mvc.perform(form(path, "score", "3"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(shown(html, "sorry")).isTrue();
        assertThat(shown(html, "area")).isTrue();
        assertThat(shown(html, "earn9")).isFalse();
        mvc.perform(form(path, "score", "3", "shown", "sorry", "shown", "area", "sorry", "Late"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(form(path, "score", "3", "shown", "sorry", "shown", "area", "area", "Delivery"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void promoterSeesPromoterQuestion() throws Exception {
        String html = page(path + "?score=10");
        assertThat(shown(html, "loved")).isTrue();
        assertThat(shown(html, "earn9")).isFalse();
        assertThat(shown(html, "area")).isFalse();
        mvc.perform(form(path, "score", "10", "shown", "loved", "loved", "Speed"))
                .andExpect(redirectedUrl(path + "/thanks"));
    }

    @Test
    void leavingHalfWayLeavesAPartialResponse() throws Exception {
        mvc.perform(form(path, "score", "7")).andExpect(status().isOk());
        String list = responses();
        assertThat(JsonPath.<Integer>read(list, "$.items[0].score")).isEqualTo(7);
        assertThat(JsonPath.<Object>read(list, "$.items[0].completed_at")).isNull();
    }

    @Test
    void changingTheScoreReevaluatesFollowUps() throws Exception {
        mvc.perform(form(path, "score", "8")).andExpect(status().isOk());
        String html = mvc.perform(form(path, "score", "10", "shown", "earn9", "shown", "area", "area", "Pricing"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(shown(html, "loved")).isTrue();
        assertThat(shown(html, "area")).isFalse();
        String list = responses();
        assertThat(JsonPath.<Integer>read(list, "$.items[0].score")).isEqualTo(10);
        assertThat(JsonPath.<java.util.Map<String, Object>>read(list, "$.items[0].answers"))
                .doesNotContainKey("area");
    }

    @Test
    void expiredLinkSaysSoAndTamperedLinkIsNotFound() throws Exception {
        clock.advance(Duration.ofDays(31));
        assertThat(page(path)).contains("expired").doesNotContain(EARN);
        char last = path.charAt(path.length() - 3);
        String tampered =
                path.substring(0, path.length() - 3) + (last == 'x' ? 'y' : 'x') + path.substring(path.length() - 2);
        mvc.perform(get(tampered)).andExpect(status().isNotFound());
        mvc.perform(get("/s/not-a-token")).andExpect(status().isNotFound());
        mvc.perform(form(tampered, "score", "9")).andExpect(status().isNotFound());
    }

    @Test
    void scriptInAnAnswerIsEscapedOnThePageAndIntactInJson() throws Exception {
        String evil = "<script>alert('x')</script>";
        String html = mvc.perform(form(path, "score", "8", "shown", "earn9", "earn9", evil))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).doesNotContain(evil).contains("&lt;script&gt;");
        assertThat(page(path)).doesNotContain(evil).contains("&lt;script&gt;");
        assertThat(JsonPath.<String>read(responses(), "$.items[0].answers.earn9"))
                .isEqualTo(evil);
    }

    @Test
    void oneClickScoreStaysUnconfirmedUntilThePageConfirmsIt() throws Exception {
        page(path + "?score=9");
        String list = responses();
        UUID id = UUID.fromString(JsonPath.read(list, "$.items[0].id"));
        assertThat(JsonPath.<Boolean>read(list, "$.items[0].confirmed")).isFalse();
        assertThat(events.ofType(ResponseScored.class))
                .noneMatch(e -> e.responseId().equals(id));
        assertThat(events.ofType(org.opennps.response.ResponseRecorded.class))
                .anyMatch(e -> e.responseId().equals(id) && !e.confirmed() && e.score() == 9);
        mvc.perform(form(path, "score", "9", "shown", "loved")).andExpect(status().is3xxRedirection());
        assertThat(JsonPath.<Boolean>read(responses(), "$.items[0].confirmed")).isTrue();
        assertThat(events.ofType(ResponseScored.class))
                .anyMatch(e -> e.responseId().equals(id));
    }

    @Test
    void oneClickCountsAtOnceWhenConfirmationIsOff() throws Exception {
        patchJson("/api/v1/workspace", json("{'settings':{'one_click_confirmation':false}}"));
        page(path + "?score=2");
        assertThat(JsonPath.<Boolean>read(responses(), "$.items[0].confirmed")).isTrue();
    }

    @Test
    void unsubscribeAsksThenOptsOut() throws Exception {
        assertThat(page(path + "/unsubscribe")).contains("Unsubscribe").doesNotContain("_csrf");
        mvc.perform(post(path + "/unsubscribe")).andExpect(status().isOk());
        getJson("/api/v1/contacts/" + contactId)
                .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.unsubscribed_at")
                                .isNotEmpty());
        assertThat(page(path)).contains("unsubscribed").doesNotContain(EARN);
    }

    @Test
    void campaignResponseKeepsTheTriggerEventSnapshot() throws Exception {
        var ws = workspace.workspace().id();
        var invitation = invitations.issue(new org.opennps.invitation.IssueInvitation(
                ws,
                UUID.fromString(surveyId),
                UUID.fromString(contactId),
                org.opennps.invitation.Channel.EMAIL,
                UUID.randomUUID(),
                null,
                java.util.Map.of("shipment_type", "courier", "order_id", "o-9")));
        invitations.markSent(ws, invitation.id());
        String scoreUrl = invitations.scoreUrl(invitation, 6);
        assertThat(page(scoreUrl.substring(scoreUrl.indexOf("/s/")))).contains("What disappointed you most?");
        String list = getJson("/api/v1/responses?campaign_id=" + invitation.campaignId())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<String>read(list, "$.items[0].event_properties.shipment_type"))
                .isEqualTo("courier");
        assertThat(JsonPath.<String>read(list, "$.items[0].channel")).isEqualTo("email");
        assertThat(JsonPath.<String>read(list, "$.items[0].category")).isEqualTo("detractor");
        assertThat(invitations.get(ws, invitation.id()).status()).isEqualTo(InvitationStatus.OPENED);
    }

    @Autowired
    org.opennps.invitation.InvitationService invitations;

    @Autowired
    org.opennps.response.ResponseService responseService;

    @Test
    void twoFirstStepsAtOnceMakeOneResponse() throws Exception {
        var invitation = invitations.findByToken(path.substring(3)).orElseThrow();
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> {
                start.await();
                return responseService.respond(
                        invitation, "en", new org.opennps.response.Submission(8, true, java.util.Map.of(), false));
            });
            var second = pool.submit(() -> {
                start.await();
                return responseService.respond(
                        invitation,
                        "en",
                        new org.opennps.response.Submission(8, true, java.util.Map.of("area", "Pricing"), false));
            });
            start.countDown();
            assertThat(first.get().id()).isEqualTo(second.get().id());
        } finally {
            pool.shutdown();
        }
        getJson("/api/v1/responses?survey_id=" + surveyId)
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.total")
                        .value(1));
    }

    @Test
    void erasedPersonsLinkNoLongerOpensTheSurvey() throws Exception {
        page(path + "?score=8");
        deleteJson("/api/v1/contacts/" + contactId).andExpect(status().isNoContent());
        assertThat(page(path)).contains("expired").doesNotContain(EARN);
        mvc.perform(get(path + "/unsubscribe")).andExpect(status().isNotFound());
        getJson("/api/v1/invitations?status=expired")
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                                "$.items[0].contact_id")
                        .doesNotExist());
    }

    @Test
    void pageIsInTheContactsLocale() throws Exception {
        postJson("/api/v1/contacts", json("{'external_id':'c-1','locale':'pl-PL'}"));
        assertThat(page(path)).contains("Czy polecisz nas?").contains("lang=\"pl-PL\"");
    }

    @Test
    void publicLinkMakesAnAnonymousResponse() throws Exception {
        assertThat(page("/l/" + surveyId)).contains("How likely are you to recommend us?");
        String html = mvc.perform(form("/l/" + surveyId, "score", "8"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(shown(html, "earn9")).isTrue();
        String list = responses();
        assertThat(JsonPath.<List<Object>>read(list, "$.items[*].contact_id")).containsOnlyNulls();
        assertThat(JsonPath.<String>read(list, "$.items[0].channel")).isEqualTo("link");
        mvc.perform(get("/l/" + UUID.randomUUID())).andExpect(status().isNotFound());
    }

    @Test
    void publicLinkIsRateLimitedPerClientAddress() throws Exception {
        String address = "10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        for (int i = 0; i < 30; i++) {
            mvc.perform(get("/l/" + surveyId).with(r -> {
                        r.setRemoteAddr(address);
                        return r;
                    }))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/l/" + surveyId).with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                }))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        clock.advance(Duration.ofMinutes(1));
        mvc.perform(get("/l/" + surveyId).with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                }))
                .andExpect(status().isOk());
    }

    static String nonceOf(String html) {
        var m = java.util.regex.Pattern.compile("name=\"_page\" value=\"([^\"]+)\"")
                .matcher(html);
        assertThat(m.find()).as("page nonce on the page").isTrue();
        return m.group(1);
    }

    @Test
    void formPostsWithoutSessionOrCookieAndThePageSetsNone() throws Exception {
        var opened =
                mvc.perform(get(path + "?score=10")).andExpect(status().isOk()).andReturn();
        assertThat(opened.getResponse().getHeader("Set-Cookie")).isNull();
        assertThat(opened.getRequest().getSession(false)).isNull();
        String nonce = nonceOf(opened.getResponse().getContentAsString());
        mvc.perform(post(path).param("_page", nonce).param("score", "10").param("shown", "loved"))
                .andExpect(redirectedUrl(path + "/thanks"));
        assertThat(JsonPath.<Object>read(responses(), "$.items[0].completed_at"))
                .isNotNull();
    }

    @Test
    void aFortyMinuteOldPageStillSubmits() throws Exception {
        String nonce = nonceOf(page(path));
        clock.advance(Duration.ofMinutes(40));
        mvc.perform(post(path).param("_page", nonce).param("score", "9").param("shown", "loved"))
                .andExpect(redirectedUrl(path + "/thanks"));
    }

    @Test
    void aForgedOrAlteredNonceIsRefusedAndTheAnswersStayOnThePage() throws Exception {
        String nonce = nonceOf(page(path));
        String altered = nonce.substring(0, nonce.length() - 2) + (nonce.endsWith("AA") ? "BB" : "AA");
        String issuedEarlier =
                (Long.parseLong(nonce.substring(0, nonce.indexOf('.'))) - 3600) + nonce.substring(nonce.indexOf('.'));
        String otherPage = invitations.pageNonce("/l/" + surveyId);
        for (String bad : List.of(altered, issuedEarlier, otherPage, "1.2.3", "")) {
            String html = mvc.perform(post(path).param("_page", bad).param("score", "8"))
                    .andExpect(status().isForbidden())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(html).contains("nothing was saved").contains("value=\"8\" checked");
            assertThat(nonceOf(html)).isNotEqualTo(bad);
        }
        mvc.perform(post(path).param("score", "8")).andExpect(status().isForbidden());
        assertThat(JsonPath.<Integer>read(responses(), "$.total")).isZero();
    }

    @Test
    void aPageOlderThanItsLifetimeExplainsItselfInTheRespondentsLanguage() throws Exception {
        String link = "/l/" + surveyId;
        String nonce = nonceOf(mvc.perform(get(link).header("Accept-Language", "pl-PL,pl;q=0.9"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        clock.advance(RespondentFlow.PAGE_LIFETIME.plusMinutes(1));
        String html = mvc.perform(post(link)
                        .header("Accept-Language", "pl-PL,pl;q=0.9")
                        .param("_page", nonce)
                        .param("score", "8"))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("niczego jeszcze nie zapisano");
    }

    @Test
    void rfc8058OneClickPostUnsubscribesWithoutSessionOrToken() throws Exception {
        mvc.perform(post(path + "/unsubscribe")
                        .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());
        getJson("/api/v1/contacts/" + contactId)
                .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.unsubscribed_at")
                                .isNotEmpty());
        String tampered = path.substring(0, path.length() - 2) + (path.endsWith("AA") ? "BB" : "AA");
        mvc.perform(post(tampered + "/unsubscribe")
                        .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isNotFound());
    }

    @Test
    void theShownPageConfirmsAOneClickScoreAndAPlainFetchDoesNot() throws Exception {
        String html = page(path + "?score=9");
        assertThat(html).contains("data-confirm=\"" + path + "/confirm\"").contains("Your score of 9 is saved");
        assertThat(JsonPath.<Boolean>read(responses(), "$.items[0].confirmed")).isFalse();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(JsonPath.<Integer>read(
                                getJson("/api/v1/analytics/unconfirmed?survey_id=" + surveyId)
                                        .andReturn()
                                        .getResponse()
                                        .getContentAsString(),
                                "$.promoters"))
                        .isEqualTo(1));
        assertThat(JsonPath.<Integer>read(
                        getJson("/api/v1/analytics/nps?survey_id=" + surveyId)
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.responses"))
                .isZero();
        mvc.perform(post(path + "/confirm").param("_page", "1.AAAA.AAAA")).andExpect(status().isForbidden());
        assertThat(JsonPath.<Boolean>read(responses(), "$.items[0].confirmed")).isFalse();
        mvc.perform(post(path + "/confirm").param("_page", nonceOf(html))).andExpect(status().isNoContent());
        assertThat(JsonPath.<Boolean>read(responses(), "$.items[0].confirmed")).isTrue();
        assertThat(page(path)).doesNotContain("data-confirm");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(JsonPath.<Integer>read(
                                getJson("/api/v1/analytics/nps?survey_id=" + surveyId)
                                        .andReturn()
                                        .getResponse()
                                        .getContentAsString(),
                                "$.responses"))
                        .isEqualTo(1));
        assertThat(JsonPath.<Integer>read(
                        getJson("/api/v1/analytics/unconfirmed?survey_id=" + surveyId)
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.responses"))
                .isZero();
    }

    @Test
    void systemTextsFollowTheContactThenTheBrowserAndAWorkspaceCanRewordThem() throws Exception {
        String english = page(path);
        assertThat(english)
                .contains(">Submit<")
                .contains("0 = Not at all likely")
                .contains("dir=\"ltr\"");
        postJson("/api/v1/contacts", json("{'external_id':'c-1','locale':'pl'}"));
        String polish = page(path);
        assertThat(polish)
                .contains("Czy polecisz nas?")
                .contains(">Wyślij<")
                .contains("0 = Zdecydowanie nie polecę")
                .doesNotContain(">Submit<");
        mvc.perform(put("/api/v1/workspace/texts")
                        .header("Authorization", "Bearer " + key)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(json("{'texts':{'pl':{'respond.submit':'Wyślij odpowiedź'}}}")))
                .andExpect(status().isOk());
        assertThat(page(path)).contains(">Wyślij odpowiedź<");
        mvc.perform(put("/api/v1/workspace/texts")
                        .header("Authorization", "Bearer " + key)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(json("{'texts':{'p l':{'BAD KEY':1}}}")))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(put("/api/v1/workspace/texts")
                        .header("Authorization", "Bearer " + key)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(json("{'texts':{}}")))
                .andExpect(status().isOk());
    }

    @Test
    void anonymousPagesFollowAcceptLanguageAndArabicIsRightToLeft() throws Exception {
        String html = mvc.perform(get("/s/not-a-token").header("Accept-Language", "de-CH, de;q=0.9, en;q=0.5"))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("Nicht gefunden");
        String arabicSurvey = JsonPath.read(
                postJson(
                                "/api/v1/surveys",
                                json("{'name':'ar','questions':[{'id':'nps','type':'nps',"
                                        + "'text':{'en':'Recommend us?','ar':'هل توصي بنا؟'}}],'thank_you':'شكرًا'}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        String arabic = mvc.perform(get("/l/" + arabicSurvey).header("Accept-Language", "ar-EG,ar;q=0.9,en;q=0.5"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(arabic).contains("dir=\"rtl\"").contains("lang=\"ar-EG\"").contains(">إرسال<");
    }

    @Test
    void aScoreInThePublicLinkCountsLikeAOneClickScoreOnlyOnceThePageIsShown() throws Exception {
        var opened = mvc.perform(get("/l/" + surveyId + "?score=8"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse();
        String target = opened.getRedirectedUrl();
        assertThat(target).startsWith("/s/").endsWith("?score=8");
        assertThat(opened.getHeader("Set-Cookie"))
                .startsWith(LinkCookie.NAME + "=")
                .contains("Path=/l/" + surveyId)
                .contains("HttpOnly")
                .contains("SameSite=Lax");
        String token = target.substring(3, target.indexOf('?'));
        String html = page(target);
        assertThat(html).contains("value=\"8\" checked").contains("data-confirm=\"/s/" + token + "/confirm\"");
        assertThat(shown(html, "earn9")).isTrue();
        // fetched, not shown: saved unconfirmed, and the NPS does not count it
        assertThat(JsonPath.<List<Boolean>>read(responses(), "$.items[?(@.channel == 'link')].confirmed"))
                .containsExactly(false);
        background.settle();
        assertThat(npsResponses("")).isZero();

        mvc.perform(post("/s/" + token + "/confirm").param("_page", nonceOf(html)))
                .andExpect(status().isNoContent());
        assertThat(JsonPath.<List<Boolean>>read(responses(), "$.items[?(@.channel == 'link')].confirmed"))
                .containsExactly(true);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(npsResponses("")).isEqualTo(1));
        // the public link's answers are flagged by their channel: kept alone, or left out
        assertThat(npsResponses("&channel=link")).isEqualTo(1);
        assertThat(npsResponses("&channel=!link")).isZero();
        getJson("/api/v1/analytics/nps?channel=!").andExpect(status().isUnprocessableContent());
        // a channel that does not exist is a fault of the request, not an empty count
        getJson("/api/v1/analytics/nps?channel=sms")
                .andExpect(status().isUnprocessableContent())
                .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.errors[0].field")
                                .value("channel"));
    }

    int npsResponses(String filters) throws Exception {
        return JsonPath.read(
                getJson("/api/v1/analytics/nps?survey_id=" + surveyId + filters)
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.responses");
    }

    @Test
    void aBrowserThatAnsweredThePublicLinkComesBackToItsOwnResponse() throws Exception {
        String link = "/l/" + surveyId;
        var first =
                mvc.perform(form(link, "score", "8")).andExpect(status().isOk()).andReturn();
        String value = first.getResponse().getCookie(LinkCookie.NAME).getValue();
        jakarta.servlet.http.Cookie cookie = new jakarta.servlet.http.Cookie(LinkCookie.NAME, value);
        // the same browser again: its answer changes, no second response starts
        mvc.perform(form(link, "score", "3", "shown", "sorry", "shown", "area", "area", "Pricing")
                        .cookie(cookie))
                .andExpect(redirectedUrl("/s/" + value + "/thanks"));
        String list = responses();
        assertThat(JsonPath.<List<Integer>>read(list, "$.items[?(@.channel == 'link')].score"))
                .containsExactly(3);
        mvc.perform(get(link).cookie(cookie)).andExpect(redirectedUrl("/s/" + value));
        assertThat(page("/s/" + value)).contains("already");
        mvc.perform(form(link, "score", "10").cookie(cookie)).andExpect(status().isOk());
        assertThat(JsonPath.<List<Integer>>read(responses(), "$.items[?(@.channel == 'link')].score"))
                .containsExactly(3);
        // without the cookie it is another browser (the address limits still count it)
        mvc.perform(form(link, "score", "10")).andExpect(status().isOk());
        assertThat(JsonPath.<List<Integer>>read(responses(), "$.items[?(@.channel == 'link')].score"))
                .containsExactlyInAnyOrder(3, 10);
    }

    @Test
    void publicLinkAnswersAreLimitedPerAddressAndSurvey() throws Exception {
        String link = "/l/" + surveyId;
        String address = "10.8." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
        RequestPostProcessor from = r -> {
            r.setRemoteAddr(address);
            return r;
        };
        for (int i = 0; i < 5; i++) {
            mvc.perform(form(link, "score", "10").with(from)).andExpect(status().isOk());
        }
        mvc.perform(form(link, "score", "10").with(from))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        // a score in the link is an answer too
        mvc.perform(get(link + "?score=10").with(from)).andExpect(status().isTooManyRequests());
        assertThat(JsonPath.<List<Object>>read(responses(), "$.items[?(@.channel == 'link')]"))
                .hasSize(5);
        // another address may still answer; after an hour this one may again
        mvc.perform(form(link, "score", "10").with(r -> {
                    r.setRemoteAddr("10.7.0.1");
                    return r;
                }))
                .andExpect(status().isOk());
        clock.advance(Duration.ofHours(1));
        mvc.perform(form(link, "score", "10").with(from)).andExpect(status().isOk());

        // all addresses together: 60 answers a minute to one survey
        String other = JsonPath.read(
                postJson("/api/v1/surveys", SURVEY).andReturn().getResponse().getContentAsString(), "$.id");
        String busy = "/l/" + other;
        for (int i = 0; i < 60; i++) {
            String each = "10.6." + (i / 250) + "." + (i % 250);
            mvc.perform(form(busy, "score", "9").with(r -> {
                        r.setRemoteAddr(each);
                        return r;
                    }))
                    .andExpect(status().isOk());
        }
        mvc.perform(form(busy, "score", "9").with(r -> {
                    r.setRemoteAddr("10.6.9.9");
                    return r;
                }))
                .andExpect(status().isTooManyRequests());
        clock.advance(Duration.ofMinutes(1));
        mvc.perform(form(busy, "score", "9").with(r -> {
                    r.setRemoteAddr("10.6.9.9");
                    return r;
                }))
                .andExpect(status().isOk());
    }

    @Test
    void respondentsSeeThePublicTitleAndDisplayNameNeverTheInternalName() throws Exception {
        String first = page(path);
        assertThat(first).doesNotContain("Post-purchase NPS");
        patchJson("/api/v1/workspace", json("{'settings':{'display_name':'Kwiaciarnia <Róża>'}}"));
        assertThat(page(path)).contains("Kwiaciarnia &lt;Róża&gt;").doesNotContain("Post-purchase NPS");
        String titled = SURVEY.replace(
                "\"name\":\"Post-purchase NPS\"",
                "\"name\":\"Post-purchase NPS\",\"title\":{\"en\":\"Tell us how we did\"}");
        mvc.perform(put("/api/v1/surveys/" + surveyId)
                        .header("Authorization", "Bearer " + key)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(titled))
                .andExpect(status().isOk());
        assertThat(page(path))
                .contains("<h1>Tell us how we did</h1>")
                .contains("Kwiaciarnia &lt;Róża&gt;")
                .doesNotContain("Post-purchase NPS");
        assertThat(page(path + "/unsubscribe")).contains("Kwiaciarnia &lt;Róża&gt;");
    }
}
