package org.opennps.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.opennps.analytics.AnalyticsService;
import org.opennps.analytics.CampaignFunnel;
import org.opennps.campaign.CampaignService;
import org.opennps.campaign.CampaignView;
import org.opennps.campaign.Journey;
import org.opennps.campaign.JourneyCount;
import org.opennps.campaign.JourneyStatus;
import org.opennps.campaign.SaveCampaign;
import org.opennps.contact.Contact;
import org.opennps.contact.ContactService;
import org.opennps.shared.PageResult;
import org.opennps.survey.Survey;
import org.springframework.stereotype.Component;

/** Journey counts of campaigns and who waits where, for the campaign pages. */
@Component
class CampaignStats {

    private static final int WAITING_LISTED = 20;

    private final CampaignService campaigns;
    private final ContactService contacts;
    private final AnalyticsService analytics;

    CampaignStats(CampaignService campaigns, ContactService contacts, AnalyticsService analytics) {
        this.campaigns = campaigns;
        this.contacts = contacts;
        this.analytics = analytics;
    }

    List<Row> rows(UUID ws, Map<UUID, Survey> surveys) {
        Map<UUID, CampaignFunnel> funnels = new HashMap<>();
        analytics.campaignFunnels(ws, null, null).forEach(f -> funnels.put(f.campaignId(), f));
        Map<UUID, Map<JourneyStatus, Long>> byStatus = new HashMap<>();
        campaigns
                .journeyCounts(ws, null)
                .forEach(n -> byStatus.computeIfAbsent(n.campaignId(), k -> new HashMap<>())
                        .merge(n.status(), n.count(), Long::sum));
        List<Row> rows = new ArrayList<>();
        for (CampaignView c : campaigns
                .list(ws, PageResult.Request.of(1, PageResult.MAX_SIZE))
                .items()) {
            UUID id = c.id();
            UUID surveyId = c.definition().surveyId();
            Survey survey = surveyId == null ? null : surveys.get(surveyId);
            String audience = CampaignPages.audienceOf(c);
            SaveCampaign.Trigger trigger = c.definition().trigger();
            rows.add(new Row(
                    id,
                    c.name(),
                    c.status().code(),
                    audience != null
                            ? "past respondents (" + audience + ")"
                            : trigger == null ? "" : CampaignForm.text(trigger.eventType()),
                    survey == null ? null : survey.name(),
                    count(byStatus, id, JourneyStatus.WAITING, JourneyStatus.HELD),
                    count(byStatus, id, JourneyStatus.COMPLETED),
                    count(byStatus, id, JourneyStatus.STOPPED, JourneyStatus.EXITED, JourneyStatus.FAILED),
                    funnels.getOrDefault(id, new CampaignFunnel(id, 0, 0, 0, 0, 0, 0, Map.of()))));
        }
        return rows;
    }

    /** Waiting journeys per step (index = step) and the first few with their contact. */
    Waiting waiting(UUID ws, UUID campaignId, int steps) {
        long[] perStep = new long[Math.max(steps, 1)];
        long total = 0;
        for (JourneyCount n : campaigns.journeyCounts(ws, campaignId)) {
            if (n.status() == JourneyStatus.WAITING) {
                total += n.count();
                if (n.stepIndex() >= 0 && n.stepIndex() < perStep.length) {
                    perStep[n.stepIndex()] += n.count();
                }
            }
        }
        List<Journey> first = campaigns
                .journeys(ws, campaignId, JourneyStatus.WAITING, PageResult.Request.of(1, WAITING_LISTED))
                .items();
        Map<UUID, String> names = new HashMap<>();
        contacts.findAll(
                        ws,
                        first.stream()
                                .map(Journey::contactId)
                                .filter(Objects::nonNull)
                                .distinct()
                                .toList())
                .forEach(c -> names.put(c.id(), name(c)));
        List<WaitingJourney> listed = first.stream()
                .map(j -> new WaitingJourney(
                        j.contactId(), names.getOrDefault(j.contactId(), "(erased)"), j.stepIndex(), j.dueAt()))
                .toList();
        return new Waiting(total, java.util.Arrays.stream(perStep).boxed().toList(), listed);
    }

    /** Someone to try the preview with: the newest contact's external id or e-mail. */
    String sampleContact(UUID ws) {
        return contacts.list(ws, null, PageResult.Request.of(1, 1)).items().stream()
                .findFirst()
                .map(c -> c.externalId() != null ? c.externalId() : Objects.requireNonNullElse(c.email(), ""))
                .orElse("");
    }

    private static long count(Map<UUID, Map<JourneyStatus, Long>> byStatus, UUID id, JourneyStatus... statuses) {
        Map<JourneyStatus, Long> counts = byStatus.getOrDefault(id, Map.of());
        long sum = 0;
        for (JourneyStatus status : statuses) {
            sum += counts.getOrDefault(status, 0L);
        }
        return sum;
    }

    static String name(Contact c) {
        return java.util.stream.Stream.of(c.name(), c.email(), c.externalId())
                .filter(Objects::nonNull)
                .findFirst()
                .orElse("(no name)");
    }

    /** One campaign in the list. */
    record Row(
            UUID id,
            String name,
            String status,
            String trigger,
            String surveyName,
            long waiting,
            long completed,
            long ended,
            CampaignFunnel funnel) {

        public boolean archived() {
            return "archived".equals(status);
        }

        public long suppressed() {
            return funnel.suppressed().values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }

        /** The reasons, e.g. "recently_asked 2, sampled_out 1". */
        public String suppressedReasons() {
            return String.join(
                    ", ",
                    funnel.suppressed().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue())
                            .toList());
        }
    }

    /** Waiting journeys: how many in all, per step, and the first few. */
    record Waiting(long total, List<Long> perStep, List<WaitingJourney> listed) {}

    record WaitingJourney(UUID contactId, String contactName, int stepIndex, java.time.Instant dueAt) {}
}
