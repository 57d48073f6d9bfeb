package org.opennps.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennps.analytics.AnalyticsService;
import org.opennps.analytics.SamplingPlan;
import org.opennps.analytics.ThemeCost;
import org.opennps.campaign.CampaignSampling;
import org.opennps.campaign.CampaignService;
import org.opennps.campaign.CampaignStatus;
import org.opennps.campaign.CampaignView;
import org.opennps.contact.ContactService;
import org.opennps.event.EventIntakeService;
import org.opennps.invitation.Channel;
import org.opennps.invitation.ChannelFilter;
import org.opennps.response.Response;
import org.opennps.response.ResponseFilter;
import org.opennps.response.ResponseService;
import org.opennps.shared.PageResult;
import org.opennps.support.ApiTestBase;
import org.opennps.survey.ScoreCategory;
import org.opennps.survey.SurveyService;
import org.opennps.workspace.UserService;
import org.opennps.workspace.Workspace;
import org.opennps.workspace.WorkspaceService;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo workspace's generated data, its idempotence and its removal; H2 and PostgreSQL. */
abstract class DemoSeederTests extends ApiTestBase {

    @Autowired
    DemoSeeder seeder;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    UserService users;

    @Autowired
    ContactService contacts;

    @Autowired
    EventIntakeService events;

    @Autowired
    SurveyService surveys;

    @Autowired
    ResponseService responses;

    @Autowired
    CampaignService campaigns;

    @Autowired
    AnalyticsService analytics;

    @Autowired
    SchedulerClient scheduler;

    @Test
    void demoWorkspaceHoldsMonthsOfShopDataAndIsMadeOnlyOnce() throws Exception {
        String slug = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        long started = System.nanoTime();
        Workspace demo = seeder.seed(slug, DemoSeeder.NAME).orElseThrow();
        long millis = (System.nanoTime() - started) / 1_000_000;
        UUID ws = demo.id();

        assertThat(demo.demo()).isTrue();
        assertThat(demo.name()).isEqualTo("Demo shop (sample data)");
        assertThat(contacts.list(ws, null, PageResult.Request.of(1, 1)).total()).isEqualTo(600);
        assertThat(events.count(ws)).isGreaterThan(10_000);
        assertThat(surveys.list(ws, PageResult.Request.of(1, 10)).items())
                .extracting(s -> s.name())
                .containsExactly("Post-purchase NPS");
        long total = count(ws, null, null, null);
        assertThat(total).isBetween(1350L, 1650L);
        for (ScoreCategory category : ScoreCategory.values()) {
            assertThat(count(ws, category, null, true))
                    .as(category.code() + " with comments")
                    .isGreaterThan(50);
        }
        assertThat(count(ws, null, ChannelFilter.only(Channel.EMAIL), null)).isGreaterThan(total / 2);
        assertThat(oldest(ws).startedAt()).isBefore(clock.instant().minus(Duration.ofDays(150)));
        assertThat(newest(ws).startedAt())
                .isAfter(clock.instant().minus(Duration.ofDays(20)))
                .isBefore(clock.instant());
        assertThat(newest(ws).eventProperties()).containsKeys("order_id", "shipment");
        System.out.println("Demo data generated in " + millis + " ms");
        preciseCampaignShowsTheShareItWouldSamplePerCity(ws);
        themesAShopOwnerRecognisesInEnglishAndPolish(ws);

        assertThat(seeder.seed(slug, DemoSeeder.NAME)).isEmpty();
        assertThat(contacts.list(ws, null, PageResult.Request.of(1, 1)).total()).isEqualTo(600);

        workspaces.delete(ws);
        assertThat(workspaces.find(ws)).isEmpty();
        assertThat(seeder.seed(slug, DemoSeeder.NAME))
                .as("a deleted demo stays deleted")
                .isEmpty();
    }

    @Test
    void membersOfTheDefaultWorkspaceJoinTheDemo() {
        Workspace fallback = workspaces.findBySlug("default").orElseThrow();
        Workspace demo = seeder.seed("demo-" + UUID.randomUUID().toString().substring(0, 8), "Demo")
                .orElseThrow();
        assertThat(users.members(demo.id())).containsAll(users.members(fallback.id()));
        for (var member : users.memberList(fallback.id())) {
            assertThat(users.roleIn(demo.id(), member.id()))
                    .as("keeps the role of " + member.email())
                    .contains(member.role());
        }
        assertThat(users.memberList(demo.id()))
                .extracting(m -> m.email() + " " + m.role().code() + " " + m.status())
                .contains(DemoSeeder.DEMO_AGENT + " agent invited", DemoSeeder.DEMO_VIEWER + " viewer invited");
        workspaces.delete(demo.id());
    }

    /**
     * The demo's draft campaign asked for ±5 points per city a month: its page shows the share it
     * would sample, planned from the survey's answers, and per city the interval a month that
     * share gives (a shop of the demo's size cannot reach ±5 per city, and the page says so).
     */
    private void preciseCampaignShowsTheShareItWouldSamplePerCity(UUID ws) throws Exception {
        background.settle();
        CampaignView precise = campaigns.list(ws, PageResult.Request.of(1, 10)).items().stream()
                .filter(c -> c.name().equals(DemoSeeder.PRECISE_CAMPAIGN))
                .findFirst()
                .orElseThrow();
        assertThat(precise.status()).isEqualTo(CampaignStatus.DRAFT);
        CampaignSampling sampling = campaigns.sampling(ws, precise.id());
        assertThat(sampling.basedOn()).isEqualTo("survey");
        assertThat(sampling.sharePercent()).isEqualTo(100);
        assertThat(sampling.reachable()).isFalse();
        assertThat(sampling.segments())
                .extracting(SamplingPlan.Segment::value)
                .contains("Warsaw", "Krakow", "Gdansk", "Berlin", "Prague");
        assertThat(sampling.segments()).allSatisfy(s -> {
            assertThat(s.answersPerMonth()).isPositive();
            assertThat(s.expectedHalfWidth()).isGreaterThan(5.0).isLessThan(60.0);
            assertThat(s.achievedMonths()).hasSizeBetween(2, 3);
            assertThat(s.achievedMonths().getFirst().whole()).isTrue();
            assertThat(s.achievedMonths().getFirst().responses()).isPositive();
        });

        String email = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@demo.example";
        users.createUser(email, "correct horse battery", ws, UserService.ADMIN);
        String warsaw = sampling.segments().stream()
                .filter(s -> s.value().equals("Warsaw"))
                .findFirst()
                .map(s -> String.format(java.util.Locale.ROOT, "±%.1f", s.expectedHalfWidth()))
                .orElseThrow();
        mvc.perform(get("/campaigns/" + precise.id()).with(user(users.loadUserByUsername(email))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Precision per city a month")))
                .andExpect(content().string(containsString("Asked for: ±5.0 NPS points per city a month")))
                .andExpect(content().string(containsString("<strong id=\"sampling-share-percent\">100 %</strong>")))
                .andExpect(content().string(containsString("Out of reach: even when everyone is asked")))
                .andExpect(content().string(containsString("<th scope=\"row\">Warsaw</th>")))
                .andExpect(content().string(containsString(warsaw)));
    }

    /**
     * The dashboard's themes of the demo as a shop owner reads them, in English and in Polish:
     * the shop themes by their labels, each with its cost in NPS and its interval, and examples
     * that are different comments. One sentence appended to many complaints ("It was not the
     * first time, please look into it.") would become a theme of its own and the tail of many
     * examples, so no answer text of the demo is part of more than two different comments (a
     * complaint alone, with its detail, or the detail alone). A theme the re-grouping finds is
     * labelled as its comments write it (Polish with its diacritics).
     */
    private void themesAShopOwnerRecognisesInEnglishAndPolish(UUID ws) {
        Map<String, Set<String>> commentsWith = new HashMap<>();
        for (int page = 1; ; page++) {
            List<Response> items = responses
                    .list(
                            ws,
                            new ResponseFilter(null, null, null, null, null, null, true),
                            PageResult.Request.of(page, PageResult.MAX_SIZE))
                    .items();
            if (items.isEmpty()) break;
            for (Response r : items) {
                List<String> texts = new ArrayList<>();
                for (String question : List.of("loved", "earn9", "disappointed", "why")) {
                    if (r.answers().get(question) instanceof String text) texts.add(text);
                }
                String comment = String.join("\n", texts);
                texts.forEach(t ->
                        commentsWith.computeIfAbsent(t, k -> new HashSet<>()).add(comment));
            }
        }
        assertThat(commentsWith)
                .isNotEmpty()
                .allSatisfy((text, comments) -> assertThat(comments)
                        .as("different comments holding \"" + text + "\"")
                        .hasSizeLessThanOrEqualTo(2));

        // the re-grouping, as its recurring task runs it in the background
        assertThat(scheduler.reschedule(TaskInstanceId.of("analytics-themes-regroup", "recurring"), clock.instant()))
                .isTrue();
        background.settle();

        Map<String, List<String>> expected = Map.of(
                "en",
                List.of(
                        "late delivery",
                        "fast delivery",
                        "shipping costs",
                        "helpful support",
                        "unhelpful support",
                        "slow refunds",
                        "high prices",
                        "poor quality"),
                "pl",
                List.of(
                        "opóźniona dostawa",
                        "szybka dostawa",
                        "droga wysyłka",
                        "pomocna obsługa",
                        "słaba obsługa",
                        "problemy ze zwrotem",
                        "wysokie ceny",
                        "słaba jakość"));
        expected.forEach((language, labels) -> {
            var filters = new org.springframework.util.LinkedMultiValueMap<String, String>();
            filters.add("locale", language);
            List<ThemeCost> themes = analytics.themes(ws, filters).themes();
            List<String> shown = new ArrayList<>();
            for (ThemeCost t : themes) {
                if (t.complaints() > 0) shown.add(t.criticised().label());
                if (t.praise() > 0) shown.add(t.praised().label());
            }
            assertThat(shown).as(language + " labels").containsAll(labels);
            assertThat(themes).allSatisfy(t -> {
                assertThat(t.impact().difference())
                        .as(t.label() + " cost in NPS")
                        .isNotNull();
                assertThat(t.impact().ci95()).as(t.label() + " interval").hasSize(2);
                for (List<ThemeCost.Example> examples : List.of(
                        t.examples(), t.criticised().examples(), t.praised().examples())) {
                    List<String> plain =
                            examples.stream().map(e -> plain(e.comment())).toList();
                    assertThat(plain).as(t.label() + " examples").doesNotHaveDuplicates();
                }
                assertThat(t.examples()).as(t.label() + " examples").isNotEmpty();
                if (t.discovered()) {
                    assertThat(t.examples())
                            .as("the label of discovered theme " + t.id())
                            .anySatisfy(e -> assertThat(plain(e.comment())).contains(plain(t.label())));
                }
            });
        });
    }

    private static String plain(String text) {
        return " "
                + text.toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}]+", " ")
                        .strip() + " ";
    }

    private long count(UUID ws, ScoreCategory category, ChannelFilter channel, Boolean comment) {
        return responses
                .list(
                        ws,
                        new ResponseFilter(null, null, null, null, category, channel, comment),
                        PageResult.Request.of(1, 1))
                .total();
    }

    private Response newest(UUID ws) {
        return responses
                .list(ws, ResponseFilter.of(null, null, null, null, null), PageResult.Request.of(1, 1))
                .items()
                .getFirst();
    }

    private Response oldest(UUID ws) {
        long total = count(ws, null, null, null);
        return responses
                .list(ws, ResponseFilter.of(null, null, null, null, null), PageResult.Request.of((int) total, 1))
                .items()
                .getFirst();
    }
}
