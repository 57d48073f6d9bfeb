package org.opennps.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opennps.campaign.CampaignService;
import org.opennps.campaign.CampaignStatus;
import org.opennps.campaign.CampaignTemplates;
import org.opennps.campaign.CampaignView;
import org.opennps.campaign.SaveCampaign;
import org.opennps.contact.ContactInput;
import org.opennps.contact.ContactService;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyService;
import org.opennps.workspace.UserService;
import org.opennps.workspace.Workspace;
import org.opennps.workspace.WorkspaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates the demo workspace once, after the bootstrap made workspace {@code default}: the
 * members of {@code default} join it, and it gets six months of generated shop data. A deleted
 * demo workspace is not created again (the slug is remembered).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoSeeder implements ApplicationRunner {

    static final String SLUG = "demo";
    static final String NAME = "Demo shop (sample data)";
    static final int PEOPLE = 600;
    static final int RESPONSES = 1500;
    static final Duration SPAN = Duration.ofDays(182);
    private static final long SEED = 20_260_401L;
    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final DemoProperties properties;
    private final DemoSeedRepository seeds;
    private final WorkspaceService workspaces;
    private final UserService users;
    private final ContactService contacts;
    private final SurveyService surveys;
    private final DemoHistory history;
    private final CampaignService campaigns;
    private final CampaignTemplates templates;
    private final JsonMapper json;
    private final Clock clock;

    DemoSeeder(
            DemoProperties properties,
            DemoSeedRepository seeds,
            WorkspaceService workspaces,
            UserService users,
            ContactService contacts,
            SurveyService surveys,
            DemoHistory history,
            CampaignService campaigns,
            CampaignTemplates templates,
            JsonMapper json,
            Clock clock) {
        this.campaigns = campaigns;
        this.templates = templates;
        this.properties = properties;
        this.seeds = seeds;
        this.workspaces = workspaces;
        this.users = users;
        this.contacts = contacts;
        this.surveys = surveys;
        this.history = history;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.enabled()) {
            seed(SLUG, NAME);
        }
    }

    static final String DEMO_AGENT = "agent@demo.example";
    static final String DEMO_VIEWER = "viewer@demo.example";

    /** Creates and fills the demo workspace under this slug, unless that was done before. */
    Optional<Workspace> seed(String slug, String name) {
        if (workspaces.findBySlug(slug).isPresent() || !seeds.claim(slug, clock.instant())) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        Workspace demo =
                workspaces.create(slug, name, "Europe/Warsaw", true, null).workspace();
        workspaces
                .findBySlug("default")
                .ifPresent(d -> users.memberList(d.id()).forEach(m -> users.addMember(demo.id(), m.id(), m.role())));
        // sample colleagues, so the members page and the roles show what a team looks like;
        // invited only (no e-mail is sent, nobody can sign in as them until invited for real)
        users.invite(demo.id(), DEMO_AGENT, UserService.AGENT);
        users.invite(demo.id(), DEMO_VIEWER, UserService.VIEWER);
        DemoShop shop = new DemoShop(SEED, clock.instant(), SPAN);
        List<DemoShop.Person> people = shop.people(PEOPLE);
        contacts.upsertAll(demo.id(), people.stream().map(DemoSeeder::input).toList(), i -> "contacts[" + i + "]");
        List<DemoShop.Order> orders = shop.orders(people);
        history.events(demo.id(), shop, orders);
        Survey survey = surveys.createFromTemplate(demo.id(), "post_purchase_nps");
        int answered = history.responses(demo.id(), survey, shop, orders, new DemoFeedback(shop.random(), comments()));
        preciseCampaign(demo, survey);
        log.info(
                "Created demo workspace '{}': {} contacts, {} orders, {} responses in {} ms",
                slug,
                people.size(),
                orders.size(),
                answered,
                (System.nanoTime() - started) / 1_000_000);
        return Optional.of(demo);
    }

    static final String PRECISE_CAMPAIGN = "After purchase, ±5 NPS points per city a month";

    /**
     * A draft of the after-purchase campaign that asks for a precision instead of a share, so its
     * page shows the share it would sample and the interval it expects per city before it runs.
     */
    private CampaignView preciseCampaign(Workspace demo, Survey survey) {
        SaveCampaign t = templates.find("after_purchase").orElseThrow().campaign();
        return campaigns.create(
                demo.id(),
                new SaveCampaign(
                        PRECISE_CAMPAIGN,
                        survey.id(),
                        CampaignStatus.DRAFT,
                        t.trigger(),
                        null,
                        null,
                        t.exitOn(),
                        t.samplingPercent(),
                        t.dailyCap(),
                        t.steps(),
                        new SaveCampaign.Precision(5.0, "attribute:city")));
    }

    private static ContactInput input(DemoShop.Person p) {
        String locale = switch (p.city()) {
            case "Berlin" -> "de";
            case "Prague" -> "cs";
            default -> "pl";
        };
        String zone = p.city().equals("Berlin")
                ? "Europe/Berlin"
                : p.city().equals("Prague") ? "Europe/Prague" : "Europe/Warsaw";
        return new ContactInput(p.externalId(), p.email(), null, p.name(), locale, zone, p.attributes());
    }

    private Map<String, List<String>> comments() {
        try (InputStream in = new ClassPathResource("demo/comments.json").getInputStream()) {
            return json.readValue(in, new TypeReference<Map<String, List<String>>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
