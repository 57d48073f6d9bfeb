import java.io.BufferedReader;
import java.io.FileReader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The ceiling of the import benchmark: the same export's rows read from the same file and
 * written once with a plain JDBC batch into one table of the same database, 500 rows per
 * transaction (the importer's chunk), with no people, no duplicate check and no analytics.
 *
 * <p>java -cp 'lib/*' Ceiling.java JDBC_URL USER PASSWORD EXPORT.csv
 */
public class Ceiling {

    static final int CHUNK = 500;
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");

    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2]);
                BufferedReader in = new BufferedReader(new FileReader(args[3]))) {
            db.setAutoCommit(true);
            try (var s = db.createStatement()) {
                s.execute("drop table if exists import_ceiling");
                s.execute("create table import_ceiling (id uuid primary key, source_id varchar(200) not null,"
                        + " email varchar(320), name varchar(200), score smallint not null, comment varchar,"
                        + " answered_at timestamp with time zone not null, properties varchar)");
            }
            db.setAutoCommit(false);
            long start = System.nanoTime();
            List<String> header = record(in);
            long rows = 0;
            try (PreparedStatement insert = db.prepareStatement("insert into import_ceiling (id, source_id, email,"
                    + " name, score, comment, answered_at, properties) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                List<String> r;
                int inBatch = 0;
                while ((r = record(in)) != null) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, r.get(0));
                    insert.setString(4, r.get(2));
                    insert.setString(3, r.get(3));
                    insert.setInt(5, Integer.parseInt(r.get(4)));
                    insert.setString(6, r.get(5).isEmpty() ? null : r.get(5));
                    insert.setObject(7, OffsetDateTime.parse(r.get(1), DATE));
                    insert.setString(8, "{\"" + header.get(6) + "\":\"" + r.get(6) + "\",\"" + header.get(7)
                            + "\":\"" + r.get(7) + "\"}");
                    insert.addBatch();
                    rows++;
                    if (++inBatch == CHUNK) {
                        insert.executeBatch();
                        db.commit();
                        inBatch = 0;
                    }
                }
                insert.executeBatch();
                db.commit();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("ceiling: %d rows in %.1f s, %.0f rows/s%n", rows, seconds, rows / seconds);
            db.setAutoCommit(true);
            try (var s = db.createStatement()) {
                s.execute("drop table import_ceiling");
            }
        }
    }

    /** One CSV record (RFC 4180: quoted fields may hold commas, quotes and line breaks); null at the end. */
    static List<String> record(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; ; i++) {
            if (i == line.length()) {
                if (!quoted) {
                    break;
                }
                field.append('\n');
                line = in.readLine();
                i = -1;
                continue;
            }
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
