package org.opennps.campaign;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntPredicate;
import org.opennps.analytics.AnalyticsService;
import org.opennps.shared.SqlTimes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enrolment of an audience campaign's respondents off the request thread: activating the
 * campaign records a {@code running} enrolment and schedules a durable task (one per campaign);
 * the task asks analytics for the matching contacts and starts their journeys in id order, in
 * batches of {@code opennps.journeys.batch-size}, each batch in one transaction with the progress
 * (count and last contact done). A node that dies mid-way leaves the task to be revived by the
 * scheduler, which continues after the last committed contact; the {@code journey_once} key
 * keeps anyone from being enrolled twice whatever happens.
 */
@Configuration(proxyBeanMethods = false)
class AudienceEnrolment {

    static final TaskDescriptor<Void> TASK = TaskDescriptor.of("audience-enrolment");

    /** Progress of one campaign's enrolment, as the API shows it. */
    record Progress(String status, int matched, int enrolled, Instant startedAt, Instant finishedAt) {}

    private final JdbcClient jdbc;
    private final CampaignRepository campaigns;
    private final CampaignDefinitions definitions;
    private final JourneyRepository journeys;
    private final AnalyticsService analytics;
    private final TransactionTemplate tx;
    private final JourneyProperties properties;
    private final Clock clock;

    AudienceEnrolment(
            JdbcClient jdbc,
            CampaignRepository campaigns,
            CampaignDefinitions definitions,
            JourneyRepository journeys,
            AnalyticsService analytics,
            TransactionTemplate tx,
            JourneyProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.definitions = definitions;
        this.journeys = journeys;
        this.analytics = analytics;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    @Bean
    OneTimeTask<Void> audienceEnrolmentTask(ObjectProvider<SchedulerClient> scheduler) {
        return Tasks.oneTime(TASK)
                .execute((instance, context) -> run(
                        UUID.fromString(instance.getId()), properties.batchSize(), scheduler.getObject(), n -> true));
    }

    /**
     * Starts (or restarts, on another activation) the enrolment; call in the activating
     * transaction, which the task's scheduling joins.
     */
    void start(UUID workspaceId, UUID campaignId, SchedulerClient scheduler, Instant now) {
        int updated = jdbc.sql("""
                        update audience_enrolment set status = 'running', matched = 0, enrolled = 0,
                          last_contact_id = null, started_at = ?, updated_at = ?, finished_at = null
                        where campaign_id = ?""")
                .params(SqlTimes.param(now), SqlTimes.param(now), campaignId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into audience_enrolment (campaign_id, workspace_id, status, matched, enrolled,
                              started_at, updated_at) values (?, ?, 'running', 0, 0, ?, ?) on conflict do nothing""")
                    .params(campaignId, workspaceId, SqlTimes.param(now), SqlTimes.param(now))
                    .update();
        }
        scheduler.scheduleIfNotExists(TASK.instance(campaignId.toString()).build(), now);
    }

    Optional<Progress> progress(UUID workspaceId, UUID campaignId) {
        return jdbc.sql("select * from audience_enrolment where campaign_id = ? and workspace_id = ?")
                .params(campaignId, workspaceId)
                .query((rs, n) -> new Progress(
                        rs.getString("status"),
                        rs.getInt("matched"),
                        rs.getInt("enrolled"),
                        SqlTimes.instant(rs, "started_at"),
                        SqlTimes.instant(rs, "finished_at")))
                .optional();
    }

    /**
     * Enrolls the campaign's matching contacts after the last one done, {@code batch} per
     * transaction; {@code goOn} is asked after each committed batch (with the number done so far)
     * and a no ends the run there, as a crash would (tests). Returns how many it enrolled.
     */
    int run(UUID campaignId, int batch, SchedulerClient scheduler, IntPredicate goOn) {
        record State(UUID workspaceId, UUID lastContactId) {}
        Optional<State> state = jdbc.sql("select workspace_id, last_contact_id from audience_enrolment"
                        + " where campaign_id = ? and status = 'running'")
                .param(campaignId)
                .query(new DataClassRowMapper<>(State.class))
                .optional();
        if (state.isEmpty()) {
            return 0;
        }
        UUID workspaceId = state.get().workspaceId();
        Optional<CampaignRepository.Row> row = campaigns.find(workspaceId, campaignId);
        CampaignDefinition d =
                row.map(r -> definitions.get(r.id(), r.version())).orElse(null);
        if (d == null || d.audience() == null) {
            finish(campaignId, 0);
            return 0;
        }
        List<UUID> matching =
                new ArrayList<>(analytics.respondents(workspaceId, d.audience().query()));
        matching.sort(UUID::compareTo);
        UUID last = state.get().lastContactId();
        List<UUID> todo = last == null
                ? matching
                : matching.stream().filter(id -> id.compareTo(last) > 0).toList();
        int enrolled = 0;
        for (int from = 0; from < todo.size(); from += batch) {
            List<UUID> chunk = todo.subList(from, Math.min(todo.size(), from + batch));
            Integer added = tx.execute(s -> enroll(workspaceId, row.get(), chunk, matching.size(), scheduler));
            enrolled += added == null ? 0 : added;
            if (!goOn.test(from + chunk.size())) {
                return enrolled;
            }
        }
        finish(campaignId, matching.size());
        return enrolled;
    }

    private int enroll(
            UUID workspaceId, CampaignRepository.Row row, List<UUID> contacts, int matched, SchedulerClient scheduler) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int added = 0;
        for (UUID contactId : contacts) {
            Journey journey = Journey.begin(
                    workspaceId, row.id(), row.version(), contactId, CampaignDefinition.AUDIENCE, "{}", now);
            if (journeys.insertIfAbsent(journey)) {
                scheduler.scheduleIfNotExists(JourneyTask.instance(journey.id(), 0), now);
                added++;
            }
        }
        jdbc.sql("""
                        update audience_enrolment set matched = ?, enrolled = enrolled + ?, last_contact_id = ?,
                          updated_at = ? where campaign_id = ?""")
                .params(matched, added, contacts.getLast(), SqlTimes.param(now), row.id())
                .update();
        return added;
    }

    private void finish(UUID campaignId, int matched) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("update audience_enrolment set status = 'done', matched = ?, updated_at = ?, finished_at = ?"
                        + " where campaign_id = ? and status = 'running'")
                .params(matched, SqlTimes.param(now), SqlTimes.param(now), campaignId)
                .update();
    }
}
