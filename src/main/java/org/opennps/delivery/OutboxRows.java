package org.opennps.delivery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opennps.shared.DueCandidates;
import org.opennps.shared.SqlTimes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The life of an outbox row, shared by the e-mail and the webhook outbox: queued → sending
 * (claimed by one node until a deadline; the claim, committed before the message is handed
 * over, records the attempt) → sent, queued again for a retry, or failed. Claims are
 * conditional updates, so of several racing nodes exactly one wins. A claim that runs out means
 * the outcome of that attempt is unknown (its node died, perhaps after the server accepted):
 * the row is due again ({@code opennps.delivery.resend-unknown=true}) or parked as
 * {@code unknown} for review.
 */
final class OutboxRows {

    /** References per cancelling statement: well under any driver's limit of parameters. */
    private static final int CANCEL_BATCH = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final String table;
    private final boolean clearErrorWhenSent;

    /**
     * @param table the outbox table (a constant of this module, never user input)
     * @param clearErrorWhenSent whether a sent row forgets the error of its last failed attempt
     */
    OutboxRows(JdbcClient jdbc, JdbcTemplate template, String table, boolean clearErrorWhenSent) {
        this.jdbc = jdbc;
        this.template = template;
        this.table = table;
        this.clearErrorWhenSent = clearErrorWhenSent;
    }

    Optional<UUID> idOf(UUID workspaceId, String reference) {
        return jdbc.sql("select id from " + table + " where workspace_id = ? and reference = ?")
                .params(workspaceId, reference)
                .query(UUID.class)
                .optional();
    }

    /**
     * Parks the rows whose claim ran out while sending (their node died between handing the
     * message over and recording the outcome): status {@code unknown}, never sent again by the
     * poller. Returns their ids, for the log.
     */
    List<UUID> parkUnknown(Instant now) {
        List<UUID> expired = jdbc.sql("select id from " + table + " where status = 'sending' and claimed_until < ?")
                .param(SqlTimes.param(now))
                .query(UUID.class)
                .list();
        return expired.stream()
                .filter(id -> jdbc.sql("update " + table + " set status = 'unknown', claimed_until = null,"
                                        + " last_error = 'outcome unknown: the sending node stopped before recording"
                                        + " it' where id = ? and status = 'sending' and claimed_until < ?")
                                .params(id, SqlTimes.param(now))
                                .update()
                        > 0)
                .toList();
    }

    /** Rows due now: queued and due, or claimed by a node whose claim ran out (it crashed). */
    List<UUID> due(Instant now, int limit) {
        return jdbc.sql(dueIds())
                .param("now", SqlTimes.param(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /**
     * The ids of the rows due at {@code :now} (queued and due, or claimed by a node whose claim
     * ran out), oldest first, up to {@code :limit}: the two halves of the condition as two
     * ordered walks of the {@code (status, next_attempt_at)} index that stop at the limit. One
     * statement with the {@code or} is planned as a bitmap scan of every row of both statuses,
     * which also visits every dead index entry a busy queue leaves behind until it is vacuumed
     * (a second a claim in a burst of 100,000); an ordered index walk stops early and marks the
     * dead entries it meets, so the next claims skip them.
     */
    private String dueIds() {
        return "select id from ("
                + "select id, next_attempt_at from (select id, next_attempt_at from " + table
                + " where status = 'queued' and next_attempt_at <= :now order by next_attempt_at limit :limit) q"
                + " union all "
                + "select id, next_attempt_at from (select id, next_attempt_at from " + table
                + " where status = 'sending' and claimed_until < :now order by next_attempt_at limit :limit) s"
                + ") due order by next_attempt_at limit :limit";
    }

    /**
     * Takes up to {@code limit} due rows for this node until {@code until}, from the oldest due,
     * in three statements (see {@link DueCandidates}): a window of due ids read without locks, a
     * random share of it locked with {@code skip locked}, and the claim of what was locked. Racing
     * nodes and workers take disjoint batches, on H2 as on PostgreSQL. Call inside a transaction
     * and commit before sending: the committed claim records the attempt.
     */
    List<UUID> claimDue(Instant now, Instant until, int limit) {
        List<UUID> candidates = jdbc.sql(dueIds())
                .param("now", SqlTimes.param(now))
                .param("limit", limit * DueCandidates.WINDOW)
                .query(UUID.class)
                .list();
        if (candidates.isEmpty()) {
            return candidates;
        }
        List<UUID> picked = DueCandidates.pick(candidates, limit);
        // Locked by id alone and checked for still being due on the rows as locked (the latest
        // version on both databases): with the due condition in the statement, a planner whose
        // statistics predate the burst scans every due row through the status index per claim.
        Set<UUID> locked = new HashSet<>(jdbc
                .sql("select id, status, next_attempt_at, claimed_until from " + table
                        + " where id in (:ids) for update skip locked")
                .param("ids", picked)
                .query((rs, n) -> stillDue(
                                rs.getString("status"),
                                SqlTimes.instant(rs, "next_attempt_at"),
                                SqlTimes.instant(rs, "claimed_until"),
                                now.truncatedTo(ChronoUnit.MICROS))
                        ? rs.getObject("id", UUID.class)
                        : null)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList());
        List<UUID> ids = picked.stream().filter(locked::contains).toList();
        if (ids.isEmpty()) {
            return ids;
        }
        jdbc.sql("update " + table + """
                         set status = 'sending', claimed_until = :until, attempts = attempts + 1,
                          attempted_at = :now
                        where id in (:ids)""")
                .param("until", SqlTimes.param(until))
                .param("now", SqlTimes.param(now))
                .param("ids", ids)
                .update();
        return ids;
    }

    /** Whether a row in hand is due: queued and due, or claimed by a node whose claim ran out. */
    static boolean stillDue(String status, Instant nextAttemptAt, Instant claimedUntil, Instant now) {
        return switch (status) {
            case "queued" -> nextAttemptAt != null && !nextAttemptAt.isAfter(now);
            case "sending" -> claimedUntil != null && claimedUntil.isBefore(now);
            default -> false;
        };
    }

    /**
     * Gives claimed rows that were not attempted back (this node is stopping, or their batch
     * ended early): queued again, due at once, the claim's attempt not counted.
     */
    int release(List<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("update " + table + " set status = 'queued', claimed_until = null,"
                        + " attempts = case when attempts > 0 then attempts - 1 else 0 end"
                        + " where id in (:ids) and status = 'sending'")
                .param("ids", ids)
                .update();
    }

    /**
     * Cancels the rows queued under these references that wait for their first try or a retry:
     * status {@code cancelled}, never sent. A row being sent at this moment is left to finish; if
     * its node stops, {@link OutboxWithdrawals} keeps it from being sent again. Returns how many
     * were cancelled.
     */
    int cancelQueued(UUID workspaceId, Collection<String> references, String reason) {
        List<String> all = List.copyOf(references);
        int cancelled = 0;
        for (int from = 0; from < all.size(); from += CANCEL_BATCH) {
            cancelled += jdbc.sql("update " + table + " set status = 'cancelled', claimed_until = null,"
                            + " last_error = :reason where workspace_id = :ws and reference in (:refs)"
                            + " and status = 'queued'")
                    .param("reason", abbreviate(reason))
                    .param("ws", workspaceId)
                    .param("refs", all.subList(from, Math.min(all.size(), from + CANCEL_BATCH)))
                    .update();
        }
        return cancelled;
    }

    /**
     * Cancels rows this node has just claimed and not attempted (they were withdrawn): the
     * claim's attempt is not counted. Call in the claiming transaction.
     */
    void withdrawClaimed(List<UUID> ids, String reason) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("update " + table + " set status = 'cancelled', claimed_until = null, last_error = :reason,"
                        + " attempts = case when attempts > 0 then attempts - 1 else 0 end"
                        + " where id in (:ids) and status = 'sending'")
                .param("reason", abbreviate(reason))
                .param("ids", ids)
                .update();
    }

    /** Takes the row for this node until {@code until} if it is still due; false if another node won. */
    boolean claim(UUID id, Instant now, Instant until) {
        return jdbc.sql("update " + table + """
                         set status = 'sending', claimed_until = :until, attempts = attempts + 1,
                          attempted_at = :now
                        where id = :id and ((status = 'queued' and next_attempt_at <= :now)
                                         or (status = 'sending' and claimed_until < :now))""")
                        .param("until", SqlTimes.param(until))
                        .param("id", id)
                        .param("now", SqlTimes.param(now))
                        .update()
                > 0;
    }

    /** Marks a claimed row sent; false when the claim was lost meanwhile. */
    boolean markSent(UUID id, Instant now) {
        return jdbc.sql("update " + table + " set status = 'sent', sent_at = ?, claimed_until = null"
                                + (clearErrorWhenSent ? ", last_error = null" : "")
                                + " where id = ? and status = 'sending'")
                        .params(SqlTimes.param(now), id)
                        .update()
                > 0;
    }

    /**
     * Marks claimed rows sent, each at its own time, in one batch of statements; returns the ids
     * of those marked (a row whose claim was lost meanwhile is not). Call inside the transaction
     * that also announces them.
     */
    List<UUID> markSent(Map<UUID, Instant> sentAt) {
        if (sentAt.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = List.copyOf(sentAt.keySet());
        int[][] counts = template.batchUpdate(
                "update " + table + " set status = 'sent', sent_at = ?, claimed_until = null"
                        + (clearErrorWhenSent ? ", last_error = null" : "")
                        + " where id = ? and status = 'sending'",
                ids,
                ids.size(),
                (ps, id) -> {
                    ps.setObject(1, SqlTimes.param(sentAt.get(id)));
                    ps.setObject(2, id);
                });
        List<UUID> marked = new ArrayList<>(ids.size());
        int i = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                // a driver that cannot tell (SUCCESS_NO_INFO) ran the statement; the row was ours
                if (count > 0 || count == java.sql.Statement.SUCCESS_NO_INFO) {
                    marked.add(ids.get(i));
                }
                i++;
            }
        }
        return marked;
    }

    void retryLater(UUID id, Instant at, String error) {
        jdbc.sql("update " + table + " set status = 'queued', next_attempt_at = ?, claimed_until = null,"
                        + " last_error = ? where id = ? and status = 'sending'")
                .params(SqlTimes.param(at), abbreviate(error), id)
                .update();
    }

    /** Marks a claimed row failed; false when it left {@code sending} meanwhile (cancelled, claim lost). */
    boolean markFailed(UUID id, String error) {
        return jdbc.sql("update " + table + " set status = 'failed', claimed_until = null, last_error = ?"
                                + " where id = ? and status = 'sending'")
                        .params(abbreviate(error), id)
                        .update()
                > 0;
    }

    Optional<String> status(UUID workspaceId, UUID id) {
        return jdbc.sql("select status from " + table + " where workspace_id = ? and id = ?")
                .params(workspaceId, id)
                .query(String.class)
                .optional();
    }

    private static String abbreviate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
