package org.opennps.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Analytics benchmark, two phases:
 *
 * <pre>
 * generate JDBC_URL USER PASSWORD WORKSPACE_ID RESPONSES NOW
 *     writes RESPONSES fact rows (12 months before NOW, 10 cities, 3 shipment types, 2 business
 *     profiles, 3 surveys, 5 campaigns, 3 channels, 5 % unconfirmed) with one INSERT … SELECT
 * rollup   JDBC_URL USER PASSWORD WORKSPACE_ID
 *     fills the daily rollup (workspace zone UTC) from the generated facts, as the projection
 *     would have; skipped when the schema has no rollup table
 * api      BASE_URL API_KEY SINCE RUNS
 *     times NPS, the weekly trend since SINCE and group_by city through the API
 * sql      JDBC_URL USER PASSWORD WORKSPACE_ID SINCE RUNS
 *     times the best single SQL query for each of the same numbers
 * Each call runs twice to warm up, then RUNS times; the median is printed.
 * </pre>
 */
public final class AnalyticsBench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> generate(args[1], args[2], args[3], args[4], Long.parseLong(args[5]), Instant.parse(args[6]));
            case "rollup" -> rollup(args[1], args[2], args[3], args[4]);
            case "api" -> api(args[1], args[2], args[3], Integer.parseInt(args[4]));
            case "sql" -> sql(args[1], args[2], args[3], args[4], args[5], Integer.parseInt(args[6]));
            default -> throw new IllegalArgumentException("phase must be generate, api or sql");
        }
    }

    static void generate(String url, String user, String password, String ws, long n, Instant now) throws Exception {
        boolean pg = url.startsWith("jdbc:postgresql");
        Instant base = now.minus(365, ChronoUnit.DAYS);
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            String series = pg ? "generate_series(1::bigint, " + n + ") g(i)" : "(select \"X\" as i from system_range(1, " + n + ")) g";
            String uuid = pg ? "gen_random_uuid()" : "random_uuid()";
            s.execute("create table bench_src as select i, " + uuid + " as id, mod(i * 37, 100) as ch,"
                    + " mod(i * 7919 + i / 97, 100) as sh, (i * 31536000 / " + n + ") as secs from " + series);
            String ts = pg
                    ? "timestamptz '" + base + "' + secs * interval '1 second'"
                    : "dateadd('SECOND', secs, timestamp with time zone '" + base + "')";
            // bulk load: indexes and keys are built once afterwards, not row by row
            if (pg) {
                s.execute("set maintenance_work_mem = '512MB'");
                for (String drop : PG_DROP) {
                    s.execute(drop);
                }
            } else {
                for (String drop : h2Drop(c)) {
                    s.execute(drop);
                }
            }
            s.execute(String.format(FACTS, ws, ts, base.getEpochSecond()));
            System.out.println("facts inserted " + seconds(start));
            s.execute(String.format(SEGMENTS, ws, "attribute:city", CITY));
            s.execute(String.format(SEGMENTS, ws, "property:shipment_type",
                    "case when mod(i * 13, 10) < 5 then 'courier' when mod(i * 13, 10) < 8 then 'parcel_locker' else 'pickup_point' end"));
            s.execute(String.format(SEGMENTS, ws, "attribute:business_profile",
                    "case when mod(i * 17, 10) < 8 then 'b2c' else 'b2b' end"));
            s.execute("drop table bench_src");
            if (pg) {
                for (String create : PG_CREATE) {
                    s.execute(create);
                }
                s.execute("vacuum analyze nps_fact");
                s.execute("vacuum analyze nps_fact_segment");
            } else {
                for (String create : H2_CREATE) {
                    s.execute(create);
                }
                System.out.println("keys and indexes built " + seconds(start));
                s.execute("analyze");
            }
        }
        System.out.println("phase=generate responses=" + n + " seconds=" + seconds(start));
    }

    static final String[] PG_DROP = {
        "alter table nps_fact_segment drop constraint nps_fact_segment_response_id_fkey",
        "alter table nps_fact_segment drop constraint nps_fact_segment_pkey",
        "drop index nps_fact_segment_dim",
        "alter table nps_fact drop constraint nps_fact_pkey",
        "drop index nps_fact_time",
        "drop index nps_fact_contact",
        "drop index if exists nps_fact_campaign"
    };

    /** The same keys and indexes as the migrations create. */
    static final String[] PG_CREATE = {
        "alter table nps_fact add primary key (response_id)",
        "create index nps_fact_time on nps_fact (workspace_id, answered_at)",
        "create index nps_fact_contact on nps_fact (workspace_id, contact_id, answered_at)",
        "create index nps_fact_campaign on nps_fact (workspace_id, campaign_id, completed_at)",
        "alter table nps_fact_segment add primary key (response_id, dim)",
        "create index nps_fact_segment_dim on nps_fact_segment (workspace_id, dim, val)",
        "alter table nps_fact_segment add constraint nps_fact_segment_response_id_fkey foreign key (response_id)"
                + " references nps_fact (response_id) on delete cascade"
    };

    /** H2 names its foreign key itself: look it up, then drop the same keys and indexes as on PostgreSQL. */
    static List<String> h2Drop(Connection c) throws Exception {
        List<String> drops = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select constraint_name from information_schema.table_constraints"
                        + " where table_name = 'nps_fact_segment' and constraint_type = 'FOREIGN KEY'")) {
            while (rs.next()) {
                drops.add("alter table nps_fact_segment drop constraint \"" + rs.getString(1) + "\"");
            }
        }
        drops.addAll(List.of(
                "alter table nps_fact_segment drop primary key",
                "drop index nps_fact_segment_dim",
                "alter table nps_fact drop primary key",
                "drop index nps_fact_time",
                "drop index nps_fact_contact",
                "drop index if exists nps_fact_campaign"));
        return drops;
    }

    static final String[] H2_CREATE = {
        "alter table nps_fact add primary key (response_id)",
        "create index nps_fact_time on nps_fact (workspace_id, answered_at)",
        "create index nps_fact_contact on nps_fact (workspace_id, contact_id, answered_at)",
        "create index nps_fact_campaign on nps_fact (workspace_id, campaign_id, completed_at)",
        "alter table nps_fact_segment add primary key (response_id, dim)",
        "create index nps_fact_segment_dim on nps_fact_segment (workspace_id, dim, val)",
        "alter table nps_fact_segment add foreign key (response_id) references nps_fact (response_id) on delete cascade"
    };

    static final String CITY = "case when ch < 25 then 'Warsaw' when ch < 40 then 'Krakow' when ch < 52 then 'Wroclaw'"
            + " when ch < 62 then 'Gdansk' when ch < 71 then 'Poznan' when ch < 79 then 'Lodz' when ch < 86 then 'Szczecin'"
            + " when ch < 92 then 'Lublin' when ch < 97 then 'Katowice' else 'Bialystok' end";

    /** Promoter share rises with the city bucket, so segments really differ. */
    static final String FACTS = """
            insert into nps_fact (response_id, workspace_id, survey_id, campaign_id, invitation_id, contact_id, channel,
              score, category, confirmed, counted, area, comment, answered_at, answered_quarter, updated_at)
            select id, '%1$s',
              cast(case mod(i, 3) when 0 then '00000000-0000-0000-0000-00000000000a' when 1 then '00000000-0000-0000-0000-00000000000b'
                else '00000000-0000-0000-0000-00000000000c' end as uuid),
              cast(case mod(i, 5) when 0 then '00000000-0000-0000-0000-0000000000c1' when 1 then '00000000-0000-0000-0000-0000000000c2'
                when 2 then '00000000-0000-0000-0000-0000000000c3' when 3 then '00000000-0000-0000-0000-0000000000c4'
                else '00000000-0000-0000-0000-0000000000c5' end as uuid),
              null, null,
              case mod(i, 10) when 0 then 'api' when 1 then 'web' when 2 then 'web' else 'email' end,
              case when sh < 35 + ch / 5 then 9 + mod(i, 2) when sh < 70 + ch / 10 then 7 + mod(i, 2) else mod(i, 7) end,
              case when sh < 35 + ch / 5 then 'promoter' when sh < 70 + ch / 10 then 'passive' else 'detractor' end,
              mod(i, 20) <> 0, mod(i, 20) <> 0,
              case when sh >= 35 + ch / 5 then case mod(i, 6) when 0 then 'Product' when 1 then 'Pricing' when 2 then 'Support'
                when 3 then 'Delivery' when 4 then 'Ease of use' else 'Other' end end,
              null,
              %2$s, (%3$d + secs) / 900, %2$s
            from bench_src""";

    static final String SEGMENTS = "insert into nps_fact_segment (response_id, workspace_id, dim, val)"
            + " select id, '%1$s', '%2$s', %3$s from bench_src";

    static void rollup(String url, String user, String password, String ws) throws Exception {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, "nps_daily", null)) {
                if (!rs.next()) {
                    System.out.println("phase=rollup skipped: no nps_daily table in this build");
                    return;
                }
            }
            s.execute("delete from nps_daily where workspace_id = '" + ws + "'");
            s.execute(String.format(ROLLUP, ws, "'', ''", "nps_fact f", ""));
            s.execute(String.format(ROLLUP, ws, "g.dim, g.val",
                    "nps_fact f join nps_fact_segment g on g.response_id = f.response_id", ", g.dim, g.val"));
            if (url.startsWith("jdbc:postgresql")) {
                s.execute("vacuum analyze nps_daily");
            }
        }
        System.out.println("phase=rollup seconds=" + seconds(start));
    }

    static final String ROLLUP = """
            insert into nps_daily (workspace_id, time_zone, dim, val, local_day, survey_id, campaign_id, channel,
              promoters, passives, detractors)
            select f.workspace_id, 'UTC', %2$s, cast(f.answered_at at time zone 'UTC' as date),
              coalesce(f.survey_id, cast('00000000-0000-0000-0000-000000000000' as uuid)),
              coalesce(f.campaign_id, cast('00000000-0000-0000-0000-000000000000' as uuid)), coalesce(f.channel, ''),
              sum(case when f.category = 'promoter' then 1 else 0 end),
              sum(case when f.category = 'passive' then 1 else 0 end),
              sum(case when f.category = 'detractor' then 1 else 0 end)
            from %3$s where f.workspace_id = '%1$s' and f.counted
            group by f.workspace_id, cast(f.answered_at at time zone 'UTC' as date), f.survey_id, f.campaign_id,
              f.channel%4$s""";

    static void api(String base, String key, String since, int runs) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String[] paths = {
            "/api/v1/analytics/nps",
            "/api/v1/analytics/nps?interval=week&since=" + since,
            "/api/v1/analytics/nps?group_by=attribute:city"
        };
        double total = 0;
        for (String path : paths) {
            double median = median(runs, () -> get(http, base + path, key));
            total += median;
            System.out.printf("api %-55s median_ms=%.1f%n", path, median);
        }
        System.out.printf("api three_together median_ms_sum=%.1f%n", total);
    }

    static void sql(String url, String user, String password, String ws, String since, int runs) throws Exception {
        boolean pg = url.startsWith("jdbc:postgresql");
        Instant sinceInstant = LocalDate.parse(since).atStartOfDay(ZoneId.of("UTC")).toInstant();
        String[] sql = {
            "select category, count(*) from nps_fact where workspace_id = ? and counted group by category",
            pg ? "select date_trunc('week', answered_at at time zone 'UTC') w, category, count(*) from nps_fact"
                    + " where workspace_id = ? and counted and answered_at >= '" + sinceInstant + "' group by 1, 2"
                : "select answered_quarter / 672 w, category, count(*) from nps_fact"
                    + " where workspace_id = ? and counted and answered_at >= timestamp with time zone '" + sinceInstant
                    + "' group by 1, 2",
            "select s.val, f.category, count(*) from nps_fact f join nps_fact_segment s on s.response_id = f.response_id"
                    + " and s.dim = 'attribute:city' where f.workspace_id = ? and f.counted group by 1, 2"
        };
        double sqlTotal = 0;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            for (String q : sql) {
                double median = median(runs, () -> query(c, q, ws));
                sqlTotal += median;
                System.out.printf("sql %-55.55s median_ms=%.1f%n", q, median);
            }
        }
        System.out.printf("sql three_together median_ms_sum=%.1f%n", sqlTotal);
    }

    interface Call {
        void run() throws Exception;
    }

    static double median(int runs, Call call) throws Exception {
        call.run();
        call.run();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    static void get(HttpClient http, String uri, String key) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    static void query(Connection c, String sql, String ws) throws Exception {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setObject(1, UUID.fromString(ws));
            List<Object> rows = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getObject(1));
                }
            }
        }
    }

    static String seconds(long start) {
        return String.format("%.1f", (System.nanoTime() - start) / 1e9);
    }
}
