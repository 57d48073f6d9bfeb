package org.opennps.loop;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.opennps.analytics.AnalyticsService;
import org.opennps.analytics.NpsResult;
import org.opennps.delivery.DeliveryService;
import org.opennps.delivery.EmailRequest;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.opennps.shared.TextRules;
import org.opennps.survey.ScoreCategory;
import org.opennps.workspace.RespondentTexts;
import org.opennps.workspace.Wording;
import org.opennps.workspace.Workspace;
import org.opennps.workspace.WorkspaceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The daily digest: from its local send hour on, each enabled workspace gets one e-mail per
 * recipient about yesterday in its time zone. The {@code digest_sent} row of the day is written
 * in the transaction that queues the e-mails, so a day's digest goes out once, whichever node
 * and however often the task runs.
 */
@Service
class DigestService {

    static final int DETRACTORS = 20;
    static final int MAX_RECIPIENTS = 20;

    private static final Logger log = LoggerFactory.getLogger(DigestService.class);

    /** What one run did: digests sent (workspaces) and e-mails queued. */
    record DigestResult(int digests, int emails) {}

    private final DigestRepository digests;
    private final CaseRepository cases;
    private final AnalyticsService analytics;
    private final DeliveryService delivery;
    private final WorkspaceService workspaces;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String publicUrl;

    private final RespondentTexts texts;

    DigestService(
            DigestRepository digests,
            CaseRepository cases,
            AnalyticsService analytics,
            DeliveryService delivery,
            WorkspaceService workspaces,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${opennps.public-url:http://localhost:${server.port:8080}}") String publicUrl,
            RespondentTexts texts) {
        this.texts = texts;
        this.digests = digests;
        this.cases = cases;
        this.analytics = analytics;
        this.delivery = delivery;
        this.workspaces = workspaces;
        this.transactions = transactions;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    DigestSettings settings(UUID ws) {
        DigestRepository.Stored s =
                digests.find(ws).orElse(new DigestRepository.Stored(ws, false, List.of(), DigestSettings.DEFAULT_HOUR));
        return new DigestSettings(
                s.enabled(),
                s.recipients(),
                s.sendHour(),
                workspaces.get(ws).timeZone(),
                digests.lastSent(ws).map(LocalDate::toString).orElse(null));
    }

    /** Replaces the settings: {@code enabled}, {@code recipients}, {@code send_hour} (default 8). */
    DigestSettings update(UUID ws, JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields f = JsonFields.of(body, "", violations);
        boolean enabled = f.has("enabled")
                && f.raw("enabled").isBoolean()
                && f.raw("enabled").asBoolean();
        if (f.has("enabled") && !f.raw("enabled").isBoolean()) {
            f.reject("enabled", "must be true or false");
        }
        int hour = DigestSettings.DEFAULT_HOUR;
        if (f.has("send_hour")) {
            JsonNode h = f.raw("send_hour");
            if (!h.isIntegralNumber() || !h.canConvertToInt() || h.asInt() < 0 || h.asInt() > 23) {
                f.reject("send_hour", "must be a whole hour from 0 to 23");
            } else {
                hour = h.asInt();
            }
        }
        List<String> recipients = recipients(f);
        if (enabled && recipients.isEmpty() && violations.isEmpty()) {
            f.reject("recipients", "an enabled digest needs at least one recipient");
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        workspaces.get(ws);
        digests.save(new DigestRepository.Stored(ws, enabled, recipients, hour), clock.instant());
        return settings(ws);
    }

    /** Sends every digest that is due now; a workspace that fails is logged and tried again next run. */
    DigestResult sendDue() {
        int sent = 0;
        int emails = 0;
        Instant now = clock.instant();
        for (DigestRepository.Stored s : digests.enabled()) {
            try {
                Integer queued = transactions.execute(tx -> sendIfDue(s, now));
                if (queued != null && queued > 0) {
                    sent++;
                    emails += queued;
                }
            } catch (RuntimeException e) {
                log.warn("Daily digest of workspace {} not sent: {}", s.workspaceId(), e.toString());
            }
        }
        return new DigestResult(sent, emails);
    }

    /** The report of the day before {@code now} in the workspace's zone. */
    DigestReport report(Workspace w, LocalDate day, Instant now) {
        ZoneId zone = w.zone();
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant before = day.minusDays(1).atStartOfDay(zone).toInstant();
        NpsResult yesterday = analytics.nps(w.id(), start, end);
        NpsResult dayBefore = analytics.nps(w.id(), before, start);
        long[] open = cases.openAndOverdue(w.id(), now);
        return new DigestReport(
                w.name(),
                w.timeZone(),
                day,
                yesterday,
                dayBefore,
                analytics.answers(w.id(), ScoreCategory.DETRACTOR, start, end, DETRACTORS),
                open[0],
                open[1],
                publicUrl + "/responses");
    }

    private int sendIfDue(DigestRepository.Stored s, Instant now) {
        Workspace w = workspaces.find(s.workspaceId()).orElse(null);
        if (w == null || s.recipients().isEmpty()) {
            return 0;
        }
        ZonedDateTime local = now.atZone(w.zone());
        if (local.getHour() < s.sendHour()) {
            return 0;
        }
        LocalDate day = local.toLocalDate().minusDays(1);
        if (digests.sent(w.id(), day)) {
            return 0;
        }
        DigestReport report = report(w, day, now);
        if (!digests.claim(w.id(), day, now, report.yesterday().responses())) {
            return 0;
        }
        Wording wording = texts.wording(w.id(), w.settings().defaultLocale());
        String subject = DigestTexts.subject(report, wording);
        String text = DigestTexts.text(report, wording);
        String html = DigestTexts.html(report, wording);
        for (String to : s.recipients()) {
            delivery.queue(
                    new EmailRequest(w.id(), "digest:" + day + ":" + to, "digest", to, subject, text, html, null));
        }
        log.info(
                "Daily digest of workspace {} for {} queued to {} recipients",
                w.id(),
                day,
                s.recipients().size());
        return s.recipients().size();
    }

    private static List<String> recipients(JsonFields f) {
        if (!f.has("recipients")) {
            return List.of();
        }
        JsonNode list = f.raw("recipients");
        if (!list.isArray() || list.size() > MAX_RECIPIENTS) {
            f.reject("recipients", "must be a list of at most " + MAX_RECIPIENTS + " e-mail addresses");
            return List.of();
        }
        LinkedHashSet<String> result = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String email = list.get(i).isString() ? list.get(i).stringValue().strip() : "";
            if (!TextRules.isEmail(email)) {
                f.reject("recipients[" + i + "]", "must be a valid e-mail address");
            } else {
                result.add(TextRules.normaliseEmail(email));
            }
        }
        return List.copyOf(result);
    }
}
