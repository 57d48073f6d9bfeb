package org.opennps.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ingestion benchmark. Two phases against one database:
 *
 * <pre>
 * http  BASE_URL API_KEY EVENTS CLIENTS   POST /api/v1/events in batches of 1000 from CLIENTS threads
 * jdbc  JDBC_URL USER PASSWORD EVENTS CLIENTS WORKSPACE_ID
 *                                          the same rows by a raw JDBC batch insert (the ceiling)
 * </pre>
 *
 * Each phase prints one line "phase=… events=… seconds=… events_per_second=…".
 */
public final class IngestBench {

    static final int BATCH = 1000;
    static final int CONTACTS = 10_000;
    static final String[] TYPES = {"page.view", "cart.add", "checkout.start", "order.placed", "order.picked_up"};
    static final String[] SHIPMENTS = {"courier", "parcel_locker", "pickup_point"};

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "http" -> http(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "jdbc" -> jdbc(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]), UUID.fromString(args[6]));
            default -> throw new IllegalArgumentException("phase must be http or jdbc");
        }
    }

    static void http(String base, String key, int events, int clients) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String run = UUID.randomUUID().toString().substring(0, 8);
        // Warm-up: creates the contacts and lets the JIT settle; not timed.
        runBatches(clients, 20, b -> post(client, base, key, body(run + "-w", b)));
        AtomicInteger accepted = new AtomicInteger();
        long start = System.nanoTime();
        runBatches(clients, events / BATCH, b -> accepted.addAndGet(post(client, base, key, body(run, b))));
        report("http", accepted.get(), System.nanoTime() - start);
    }

    static int post(HttpClient client, String base, String key, String body) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return Integer.parseInt(response.body().replaceAll(".*\"accepted\":(\\d+).*", "$1"));
    }

    /** Batch number b: 1000 events of realistic shape spread over the contacts. */
    static String body(String run, int b) {
        StringBuilder json = new StringBuilder(BATCH * 220).append("{\"events\":[");
        for (int i = 0; i < BATCH; i++) {
            int n = b * BATCH + i;
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"id\":\"").append(run).append('-').append(n)
                    .append("\",\"type\":\"").append(TYPES[n % TYPES.length])
                    .append("\",\"contact\":{\"external_id\":\"bench-").append(n % CONTACTS)
                    .append("\"},\"properties\":{\"order_id\":\"o-").append(n)
                    .append("\",\"shipment_type\":\"").append(SHIPMENTS[n % SHIPMENTS.length])
                    .append("\",\"value\":").append(n % 500)
                    .append("},\"occurred_at\":\"2026-11-2").append(n % 10).append("T10:00:00Z\"}");
        }
        return json.append("]}").toString();
    }

    static void jdbc(String url, String user, String password, int events, int clients, UUID workspace) throws Exception {
        List<UUID> contacts = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
                PreparedStatement ps = c.prepareStatement("select id from contact where workspace_id = ?")) {
            ps.setObject(1, workspace);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    contacts.add(rs.getObject(1, UUID.class));
                }
            }
        }
        if (contacts.isEmpty()) {
            throw new IllegalStateException("no contacts in workspace " + workspace + ": run the http phase first");
        }
        String run = "raw-" + UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger inserted = new AtomicInteger();
        long start = System.nanoTime();
        runBatches(clients, events / BATCH, b -> inserted.addAndGet(insert(url, user, password, workspace, contacts, run, b)));
        report("jdbc", inserted.get(), System.nanoTime() - start);
    }

    /** One transaction of 1000 rows, the statement and batch size the API uses. */
    static int insert(String url, String user, String password, UUID workspace, List<UUID> contacts, String run, int b)
            throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password);
                PreparedStatement ps = c.prepareStatement(
                        "insert into event (workspace_id, event_id, type, contact_id, properties, occurred_at, received_at)"
                                + " values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            c.setAutoCommit(false);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (int i = 0; i < BATCH; i++) {
                int n = b * BATCH + i;
                ps.setObject(1, workspace);
                ps.setString(2, run + "-" + n);
                ps.setString(3, TYPES[n % TYPES.length]);
                ps.setObject(4, contacts.get(n % contacts.size()));
                ps.setString(5, "{\"order_id\":\"o-" + n + "\",\"shipment_type\":\"" + SHIPMENTS[n % SHIPMENTS.length]
                        + "\",\"value\":" + (n % 500) + "}");
                ps.setObject(6, OffsetDateTime.parse("2026-11-2" + (n % 10) + "T10:00:00Z"));
                ps.setObject(7, now);
                ps.addBatch();
            }
            int count = 0;
            for (int r : ps.executeBatch()) {
                count += r > 0 ? r : 0;
            }
            c.commit();
            return count;
        }
    }

    interface Batch {
        void run(int number) throws Exception;
    }

    /** Runs batches 0..count-1 on {@code clients} threads, each thread taking the next number. */
    static void runBatches(int clients, int count, Batch batch) throws Exception {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                futures.add(pool.submit(() -> {
                    for (int b = next.getAndIncrement(); b < count; b = next.getAndIncrement()) {
                        batch.run(b);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
    }

    static void report(String phase, int events, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf("phase=%s events=%d seconds=%.2f events_per_second=%.0f%n", phase, events, seconds, events / seconds);
    }
}
