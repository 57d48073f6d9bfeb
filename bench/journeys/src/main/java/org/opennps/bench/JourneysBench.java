package org.opennps.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Journey benchmark driver.
 *
 * <pre>
 * sink PORT_FILE COUNT TIMEOUT_S           SMTP sink on a free local port; exits after COUNT messages
 * generate URL USER PASS WS CAMPAIGN N     N contacts with a waiting journey each, due together
 * report URL USER PASS CAMPAIGN DUE        lateness and throughput of the journeys and their e-mails
 * noop URL USER PASS N THREADS [LIMIT_S]   db-scheduler alone: N no-op executions due together,
 *                                          measured until all ran or LIMIT_S seconds passed
 * rawmail PORT N [URL USER PASS]           a plain Jakarta Mail client sending N messages over one
 *                                          reused connection to the sink on PORT: the application's
 *                                          first sent survey e-mail (read from URL), else one of
 *                                          survey size
 * </pre>
 */
public final class JourneysBench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "sink" -> sink(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "generate" -> generate(
                    args[1], args[2], args[3], UUID.fromString(args[4]), UUID.fromString(args[5]),
                    Integer.parseInt(args[6]));
            case "report" -> report(args[1], args[2], args[3], UUID.fromString(args[4]), Instant.parse(args[5]));
            case "noop" -> noop(
                    args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    args.length > 6 ? Integer.parseInt(args[6]) : 5400);
            case "rawmail" -> rawmail(
                    Integer.parseInt(args[1]), Integer.parseInt(args[2]), args.length > 5 ? sent(args[3], args[4], args[5]) : null);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    // --- SMTP sink -------------------------------------------------------------------------

    /** Accepts every message (one SMTP session per connection), counts them and prints the rate. */
    static void sink(Path portFile, int expected, int timeoutSeconds) throws Exception {
        AtomicInteger received = new AtomicInteger();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        recipients.clear();
        try (ServerSocket server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress())) {
            Files.writeString(portFile, Integer.toString(server.getLocalPort()));
            Thread acceptor = Thread.ofPlatform().daemon().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        Thread.ofVirtual().start(() -> session(socket, received, first, last));
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
            int reported = 0;
            while (received.get() < expected && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                int now = received.get();
                if (now / 10_000 != reported / 10_000) {
                    System.out.printf("sink: %d messages%n", now);
                }
                reported = now;
            }
            double seconds = (last.get() - first.get()) / 1e9;
            System.out.printf(
                    "sink: %d messages received, first to last %.1f s, %.0f messages/s%n",
                    received.get(), seconds, seconds > 0 ? (received.get() - 1) / seconds : 0.0);
            long twice = recipients.values().stream().filter(c -> c.get() > 1).count();
            System.out.printf(
                    "sink: %d distinct recipients, %d received more than once%n", recipients.size(), twice);
            acceptor.interrupt();
        }
    }

    /** Messages per recipient address, to tell whether anyone got a message twice. */
    private static final java.util.concurrent.ConcurrentHashMap<String, AtomicInteger> recipients =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static void session(Socket socket, AtomicInteger received, AtomicLong first, AtomicLong last) {
        try (socket;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = socket.getOutputStream()) {
            reply(out, "220 bench-sink ESMTP");
            String line;
            String rcpt = null;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 bench-sink");
                    case "RCPT" -> {
                        rcpt = line.substring(line.indexOf('<') + 1, Math.max(line.indexOf('<') + 1, line.lastIndexOf('>')));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message is dropped
                        }
                        long at = System.nanoTime();
                        if (rcpt != null) {
                            recipients.computeIfAbsent(rcpt, r -> new AtomicInteger()).incrementAndGet();
                        }
                        if (received.getAndIncrement() == 0) {
                            first.set(at);
                        }
                        last.set(at);
                        reply(out, "250 accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (Exception e) {
            // a dropped connection ends the session
        }
    }

    private static void reply(OutputStream out, String line) throws java.io.IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    // --- raw Jakarta Mail client -------------------------------------------------------------

    /**
     * The ceiling for e-mail: N messages of a survey e-mail's size and shape (text and HTML with
     * thirteen links) built and sent by a plain Jakarta Mail client over one connection that is
     * reused for all of them, with no database in between.
     */
    /** The subject, text and HTML of one survey e-mail the application sent, to send again as they are. */
    static String[] sent(String url, String user, String pass) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, pass);
                ResultSet rs = c.createStatement().executeQuery(
                        "select subject, text_body, html_body from outgoing_email where status = 'sent'"
                                + " and html_body is not null order by created_at fetch first 1 rows only")) {
            return rs.next() ? new String[] {rs.getString(1), rs.getString(2), rs.getString(3)} : null;
        }
    }

    static void rawmail(int port, int n, String[] sent) throws Exception {
        java.util.Properties props = new java.util.Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(port));
        jakarta.mail.Session session = jakarta.mail.Session.getInstance(props);
        StringBuilder html = new StringBuilder("<html><body><p>How likely are you to recommend us?</p>");
        StringBuilder text = new StringBuilder("How likely are you to recommend us?\n");
        for (int s = 0; s <= 10; s++) {
            String link = "http://localhost:8080/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA?score=" + s;
            html.append("<td><a href=\"").append(link).append("\" style=\"display:inline-block\">").append(s).append("</a></td>");
            text.append(s).append(": ").append(link).append('\n');
        }
        html.append("</body></html>");
        String subject = sent == null ? "How did we do?" : sent[0];
        String textBody = sent == null ? text.toString() : sent[1];
        String htmlBody = sent == null ? html.toString() : sent[2];
        System.out.printf(
                "raw Jakarta Mail sends %s: text %d chars, HTML %d chars%n",
                sent == null ? "a survey-sized message" : "the application's first survey e-mail",
                textBody.length(),
                htmlBody.length());
        long start;
        try (jakarta.mail.Transport transport = session.getTransport("smtp")) {
            transport.connect();
            start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(session);
                message.setFrom(new jakarta.mail.internet.InternetAddress("no-reply@opennps.local", "Bench"));
                message.setRecipients(jakarta.mail.Message.RecipientType.TO, "raw-" + i + "@bench.example");
                message.setSubject(subject, "UTF-8");
                var alternative = new jakarta.mail.internet.MimeMultipart("alternative");
                var textPart = new jakarta.mail.internet.MimeBodyPart();
                textPart.setText(textBody, "UTF-8");
                var htmlPart = new jakarta.mail.internet.MimeBodyPart();
                htmlPart.setContent(htmlBody, "text/html;charset=UTF-8");
                alternative.addBodyPart(textPart);
                alternative.addBodyPart(htmlPart);
                message.setContent(alternative);
                message.setHeader("List-Unsubscribe", "<http://localhost:8080/s/x/unsubscribe>");
                message.setSentDate(new java.util.Date());
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("raw Jakarta Mail, one connection: %d messages in %.1f s, %.0f messages/s%n", n, seconds, n / seconds);
    }

    // --- data --------------------------------------------------------------------------------

    /**
     * Inserts N contacts, each with a journey of the campaign waiting at step 0 and its step
     * execution, all due at one instant set when everything is in: 15 s after the inserts.
     */
    static void generate(String url, String user, String pass, UUID ws, UUID campaign, int n) throws SQLException {
        Instant far = Instant.parse("2100-01-01T00:00:00Z");
        try (Connection c = DriverManager.getConnection(url, user, pass)) {
            c.setAutoCommit(false);
            Instant now = Instant.now();
            try (PreparedStatement contact = c.prepareStatement(
                            "insert into contact (id, workspace_id, external_id, email, attributes, created_at,"
                                    + " updated_at) values (?, ?, ?, ?, '{}', ?, ?)");
                    PreparedStatement journey = c.prepareStatement(
                            "insert into journey (id, workspace_id, campaign_id, campaign_version, contact_id,"
                                    + " trigger_event_id, trigger_properties, status, step_index, due_at,"
                                    + " created_at, updated_at) values (?, ?, ?, 1, ?, ?, '{}', 'waiting', 0, ?, ?, ?)");
                    PreparedStatement task = c.prepareStatement(
                            "insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version,"
                                    + " priority) values ('journey-step', ?, ?, false, 1, 0)")) {
                for (int i = 0; i < n; i++) {
                    UUID contactId = UUID.randomUUID();
                    UUID journeyId = UUID.randomUUID();
                    contact.setObject(1, contactId);
                    contact.setObject(2, ws);
                    contact.setString(3, "bench-" + i);
                    contact.setString(4, "bench-" + i + "@bench.example");
                    contact.setObject(5, at(now));
                    contact.setObject(6, at(now));
                    contact.addBatch();
                    journey.setObject(1, journeyId);
                    journey.setObject(2, ws);
                    journey.setObject(3, campaign);
                    journey.setObject(4, contactId);
                    journey.setString(5, "bench-evt-" + i);
                    journey.setObject(6, at(far));
                    journey.setObject(7, at(now));
                    journey.setObject(8, at(now));
                    journey.addBatch();
                    task.setString(1, journeyId + "#0");
                    task.setObject(2, at(far));
                    task.addBatch();
                    if (i % 1000 == 999 || i == n - 1) {
                        contact.executeBatch();
                        journey.executeBatch();
                        task.executeBatch();
                        c.commit();
                    }
                }
            }
            Instant due = Instant.now().plusSeconds(15).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            try (PreparedStatement j = c.prepareStatement("update journey set due_at = ? where campaign_id = ?");
                    PreparedStatement t = c.prepareStatement(
                            "update scheduled_tasks set execution_time = ? where task_name = 'journey-step'")) {
                j.setObject(1, at(due));
                j.setObject(2, campaign);
                j.executeUpdate();
                t.setObject(1, at(due));
                t.executeUpdate();
                c.commit();
            }
            settle(c, "contact", "journey", "scheduled_tasks");
            System.out.printf("generate: %d journeys due at %s (now %s)%n", n, due, Instant.now());
            System.out.println("DUE=" + due);
        }
    }

    /**
     * On PostgreSQL, a {@code vacuum (analyze)} of the tables a phase just filled and a checkpoint,
     * before its due instant: each burst starts with current statistics and without the dead rows of the rescheduling
     * update, whatever the periodic vacuum (standing in for autovacuum) happened to do before. Without
     * it the two phases' plans depended on when that vacuum last ran.
     */
    static void settle(Connection c, String... tables) throws SQLException {
        if (!c.getMetaData().getURL().startsWith("jdbc:postgresql")) {
            return;
        }
        long start = System.nanoTime();
        c.setAutoCommit(true);
        try (var s = c.createStatement()) {
            s.execute("vacuum (analyze) " + String.join(", ", tables));
            // and the write-ahead log of what came before written out, so that no checkpoint
            // started by the previous phase's writes runs during this one (superusers only)
            try {
                s.execute("checkpoint");
            } catch (SQLException e) {
                System.out.println("checkpoint: " + e.getMessage());
            }
        } finally {
            c.setAutoCommit(false);
        }
        System.out.printf(
                "vacuum (analyze) %s, checkpoint: %.1f s%n", String.join(", ", tables), (System.nanoTime() - start) / 1e9);
    }

    static void report(String url, String user, String pass, UUID campaign, Instant due) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, pass)) {
            // a journey's step ran when the row was last updated (application clock); completed rows forget due_at
            List<Long> journeyLate = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select updated_at from journey where campaign_id = ? and status = 'completed'")) {
                s.setObject(1, campaign);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        journeyLate.add(rs.getObject(1, OffsetDateTime.class).toInstant().toEpochMilli());
                    }
                }
            }
            long dueMs = due.toEpochMilli();
            long[] late = journeyLate.stream().mapToLong(t -> t - dueMs).sorted().toArray();
            List<Long> sent = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "select sent_at from outgoing_email where status = 'sent' and to_address like '%@bench.example'")) {
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sent.add(rs.getObject(1, OffsetDateTime.class).toInstant().toEpochMilli() - dueMs);
                    }
                }
            }
            long[] mail = sent.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(
                    "journeys: %d completed; step lateness p50 %.2f s, p99 %.2f s, max %.2f s; %.0f journey steps/s%n",
                    late.length, pct(late, 50) / 1e3, pct(late, 99) / 1e3, max(late) / 1e3,
                    late.length / Math.max(max(late) / 1e3, 0.001));
            System.out.printf(
                    "e-mails: %d sent; due-to-SMTP lateness p50 %.2f s, p99 %.2f s, max %.2f s; %.0f invitations/s through to SMTP%n",
                    mail.length, pct(mail, 50) / 1e3, pct(mail, 99) / 1e3, max(mail) / 1e3,
                    mail.length / Math.max(max(mail) / 1e3, 0.001));
        }
    }

    // --- db-scheduler alone --------------------------------------------------------------------

    /**
     * N executions of a task that does nothing, due together, on the application's table and
     * with its scheduler settings (threads, 1 s polling, lock-and-fetch on PostgreSQL,
     * immediate execution): what the journey machinery stands on, without journeys.
     */
    static void noop(String url, String user, String pass, int n, int threads, int limitSeconds) throws Exception {
        DataSource ds = dataSource(url, user, pass);
        ConcurrentLinkedQueue<Long> late = new ConcurrentLinkedQueue<>();
        OneTimeTask<Void> task = Tasks.oneTime("bench-noop").execute((instance, context) -> late.add(
                System.currentTimeMillis()
                        - context.getExecution().executionTime.toEpochMilli()));
        Instant due;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement d = c.prepareStatement("delete from scheduled_tasks where task_name = 'bench-noop'")) {
                d.executeUpdate();
            }
            due = Instant.now().plusSeconds(3600);
            try (PreparedStatement t = c.prepareStatement(
                    "insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version, priority)"
                            + " values ('bench-noop', ?, ?, false, 1, 0)")) {
                for (int i = 0; i < n; i++) {
                    t.setString(1, "noop-" + i);
                    t.setObject(2, at(due));
                    t.addBatch();
                    if (i % 1000 == 999 || i == n - 1) {
                        t.executeBatch();
                        c.commit();
                    }
                }
            }
            due = Instant.now().plusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            try (PreparedStatement u = c.prepareStatement(
                    "update scheduled_tasks set execution_time = ? where task_name = 'bench-noop'")) {
                u.setObject(1, at(due));
                u.executeUpdate();
                c.commit();
            }
            settle(c, "scheduled_tasks");
        }
        var builder = Scheduler.create(ds, task)
                .threads(threads)
                .pollingInterval(Duration.ofSeconds(1))
                .heartbeatInterval(Duration.ofSeconds(30))
                .missedHeartbeatsLimit(6)
                .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed("bench-noop"))
                .enableImmediateExecution();
        if (url.startsWith("jdbc:postgresql")) {
            builder.pollUsingLockAndFetch(0.5, 3.0);
        }
        Scheduler scheduler = builder.build();
        scheduler.start();
        long deadline = due.toEpochMilli() + Duration.ofSeconds(limitSeconds).toMillis();
        while (late.size() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        long[] l = late.stream().mapToLong(Long::longValue).sorted().toArray();
        scheduler.stop();
        System.out.printf(
                "db-scheduler no-op: %d executions, %d threads; lateness p50 %.2f s, p99 %.2f s, max %.2f s; %.0f executions/s%n",
                l.length, threads, pct(l, 50) / 1e3, pct(l, 99) / 1e3, max(l) / 1e3,
                l.length / Math.max(max(l) / 1e3, 0.001));
    }

    /**
     * A pooled data source, as the application has: without a pool every scheduler statement
     * would open a new database connection, and the baseline would measure connecting.
     */
    private static DataSource dataSource(String url, String user, String pass) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(pass);
        config.setMaximumPoolSize(16);
        config.setPoolName("bench");
        return new HikariDataSource(config);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static long max(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }
}
