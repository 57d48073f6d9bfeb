package org.opennps.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opennps.invitation.Channel;
import org.opennps.shared.Coded;
import org.opennps.shared.TextRules;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an import file one row at a time, in one of three formats, into {@link ImportRow}s or
 * the reason a row is refused. Holds one row at a time, whatever the file's size.
 *
 * <ul>
 *   <li>{@code delighted}: Delighted's response export. Columns are found by name in any order
 *       and case ({@code Response ID}, {@code Score}, {@code Comment}, {@code Email},
 *       {@code Name}, {@code Phone}, {@code Date} or {@code Created At}, {@code Tags},
 *       {@code Notes}, {@code Delighted Source}); every other column is a person property, as
 *       Delighted exports them (one column per property).
 *   <li>{@code csv}: any CSV with a header and a {@code mapping} from column names to targets.
 *   <li>{@code jsonl}: one JSON object per line with the target names as fields, plus
 *       {@code properties} and {@code answers} objects.
 * </ul>
 */
final class RowReader implements AutoCloseable {

    /** What a column can be mapped to; {@code property:<name>} and {@code answer:<question>} too. */
    static final Set<String> TARGETS = Set.of(
            "source_id",
            "score",
            "comment",
            "email",
            "external_id",
            "name",
            "phone",
            "created_at",
            "channel",
            "tags",
            "notes");

    private static final Map<String, String> DELIGHTED_COLUMNS = delightedColumns();
    private static final Set<String> DELIGHTED_IGNORED =
            Set.of("permalink", "survey_type", "updated_at", "last_updated", "person_id");
    private static final Pattern WHOLE = Pattern.compile("^-?[0-9]{1,12}$");
    private static final Pattern SCORE = Pattern.compile("^(10|[0-9])(\\.0+)?$");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGES = Pattern.compile("^_|_$");
    /** Delighted's own form, {@code 2026-01-15 10:00:00 +0000}: read without a formatter, the common case. */
    private static final Pattern DELIGHTED_TIME = Pattern.compile(
            "^([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) ([+-])([0-9]{2})([0-9]{2})$");

    private static final DateTimeFormatter SPACED_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[ ]XX");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A row, or the reason it is refused. */
    record Result(long line, ImportRow row, String rejection) {}

    private final String format;
    private final Map<String, String> mapping;
    private final JsonMapper json;
    private final CsvReader csv;
    private final BufferedReader lines;
    private List<String> header;
    /** Each header column's target, found once: rows are many and their columns the header's. */
    private List<String> targets;

    private long jsonLine;

    RowReader(String format, Map<String, String> mapping, Reader in, JsonMapper json) {
        this.format = format;
        this.mapping = mapping;
        this.json = json;
        BufferedReader buffered = new BufferedReader(in, 1 << 16);
        this.csv = format.equals("jsonl") ? null : new CsvReader(buffered);
        this.lines = format.equals("jsonl") ? buffered : null;
    }

    /**
     * The header's problem (a missing source id or score column), or null when it can be read;
     * reads the header of a CSV file.
     */
    String open() throws IOException {
        if (csv == null) {
            return null;
        }
        header = csv.next();
        if (header == null) {
            return "the file is empty";
        }
        if (!header.isEmpty() && header.getFirst().startsWith("\uFEFF")) {
            header.set(0, header.getFirst().substring(1));
        }
        targets = header.stream().map(this::targetOf).toList();
        if (!targets.contains("source_id")) {
            return format.equals("delighted")
                    ? "no Response ID column: each row needs the source's response id, so an import never stores it twice"
                    : "the mapping names no source_id column";
        }
        if (!targets.contains("score")) {
            return format.equals("delighted") ? "no Score column" : "the mapping names no score column";
        }
        return null;
    }

    /** The next row, or null at the end. */
    Result next() throws IOException {
        if (csv != null) {
            List<String> fields = csv.next();
            if (fields == null) {
                return null;
            }
            long line = csv.line();
            if (fields.size() == 1 && fields.getFirst().isBlank()) {
                return next();
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < fields.size(); i++) {
                String target = targets.get(i);
                if (target != null) {
                    values.put(target, fields.get(i));
                }
            }
            return build(line, values);
        }
        String text;
        do {
            text = lines.readLine();
            jsonLine++;
            if (text == null) {
                return null;
            }
        } while (text.isBlank());
        try {
            JsonNode node = json.readTree(text);
            if (!node.isObject()) {
                return new Result(jsonLine, null, "is not a JSON object");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (var field : node.properties()) {
                String name = field.getKey().equals("id") ? "source_id" : field.getKey();
                JsonNode v = field.getValue();
                if (name.equals("properties") || name.equals("answers")) {
                    if (!v.isObject()) {
                        return new Result(jsonLine, null, name + " must be an object");
                    }
                    for (var inner : v.properties()) {
                        values.put(
                                (name.equals("properties") ? "property:" : "answer:") + inner.getKey(),
                                plain(inner.getValue()));
                    }
                } else if (TARGETS.contains(name)) {
                    values.put(name, plain(v));
                }
            }
            return build(jsonLine, values);
        } catch (JacksonException e) {
            return new Result(jsonLine, null, "is not valid JSON");
        }
    }

    private static Object plain(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            List<Object> items = new ArrayList<>();
            v.forEach(item -> items.add(plain(item)));
            return items;
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return v.asString();
    }

    private String targetOf(String column) {
        String trimmed = column.strip();
        if (format.equals("csv")) {
            return mapping.get(trimmed);
        }
        String key = normal(trimmed);
        if (DELIGHTED_IGNORED.contains(key)) {
            return null;
        }
        return DELIGHTED_COLUMNS.getOrDefault(key, trimmed.isEmpty() ? null : "property:" + trimmed);
    }

    private static String normal(String column) {
        return EDGES.matcher(SEPARATORS.matcher(column.toLowerCase(Locale.ROOT)).replaceAll("_"))
                .replaceAll("");
    }

    private Result build(long line, Map<String, Object> values) {
        String sourceId = text(values.get("source_id"));
        if (sourceId == null) {
            return new Result(line, null, "no source response id");
        }
        if (sourceId.length() > 200) {
            return new Result(line, null, "the source response id is longer than 200 characters");
        }
        Object scoreValue = values.get("score");
        String scoreText = text(scoreValue);
        Integer score = scoreValue instanceof Long n && n >= 0 && n <= 10
                ? Integer.valueOf(n.intValue())
                : scoreText != null && SCORE.matcher(scoreText).matches()
                        ? Integer.valueOf(scoreText.substring(0, scoreText.startsWith("10") ? 2 : 1))
                        : null;
        if (score == null) {
            return new Result(line, null, "score must be a whole number from 0 to 10, was '" + cut(scoreText) + "'");
        }
        Instant at;
        Object when = values.get("created_at");
        if (when == null || text(when) == null) {
            return new Result(line, null, "no created_at: the time the response was given");
        }
        at = time(when);
        if (at == null) {
            return new Result(
                    line, null, "created_at '" + cut(text(when)) + "' is not a Unix time or an ISO-8601 time");
        }
        String email = text(values.get("email"));
        if (email != null) {
            email = TextRules.normaliseEmail(email);
            if (!TextRules.isEmail(email)) {
                return new Result(line, null, "email '" + cut(email) + "' is not an e-mail address");
            }
        }
        String source = text(values.get("channel"));
        source = source == null ? Channel.API.code() : source.toLowerCase(Locale.ROOT);
        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, Object> answers = new LinkedHashMap<>();
        Channel channel = Coded.find(Channel.class, source).orElse(null);
        if (channel == null) {
            // another system's source (sms, kiosk, …): kept as a property, counted as the API's
            properties.put("source", source);
            channel = Channel.API;
        }
        for (var e : values.entrySet()) {
            if (e.getValue() == null || (e.getValue() instanceof String s && s.isBlank())) {
                continue;
            }
            if (e.getKey().startsWith("property:")) {
                String name = e.getKey().substring("property:".length()).strip();
                if (!name.isEmpty() && name.length() <= 255) {
                    properties.put(name, e.getValue());
                }
            } else if (e.getKey().startsWith("answer:")) {
                answers.put(e.getKey().substring("answer:".length()), e.getValue());
            }
        }
        return new Result(
                line,
                new ImportRow(
                        line,
                        sourceId,
                        score,
                        text(values.get("comment")),
                        email,
                        text(values.get("external_id")),
                        text(values.get("name")),
                        text(values.get("phone")),
                        at,
                        channel,
                        list(values.get("tags")),
                        list(values.get("notes")),
                        properties,
                        answers),
                null);
    }

    private static List<String> list(Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        if (value instanceof List<?> given) {
            given.forEach(v -> items.add(String.valueOf(v).strip()));
        } else {
            for (String part : String.valueOf(value).split(",")) {
                items.add(part.strip());
            }
        }
        items.removeIf(String::isEmpty);
        return items;
    }

    static Instant time(Object value) {
        if (value instanceof Long seconds) {
            return Instant.ofEpochSecond(seconds);
        }
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            if (WHOLE.matcher(text).matches()) {
                return Instant.ofEpochSecond(Long.parseLong(text));
            }
            Matcher delighted = DELIGHTED_TIME.matcher(text);
            if (delighted.matches()) {
                return delightedTime(delighted);
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.contains("T")) {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException e) {
                    return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                }
            }
            try {
                return OffsetDateTime.parse(text, SPACED_OFFSET).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(text.replace(" UTC", ""), SPACED).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    private static Instant delightedTime(Matcher m) {
        int sign = m.group(7).equals("-") ? -1 : 1;
        try {
            return LocalDateTime.of(
                            Integer.parseInt(m.group(1)),
                            Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)),
                            Integer.parseInt(m.group(4)),
                            Integer.parseInt(m.group(5)),
                            Integer.parseInt(m.group(6)))
                    .toInstant(ZoneOffset.ofHoursMinutes(
                            sign * Integer.parseInt(m.group(8)), sign * Integer.parseInt(m.group(9))));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s = String.valueOf(value).strip();
        return s.isEmpty() ? null : s;
    }

    private static String cut(String text) {
        return text == null ? "" : text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static Map<String, String> delightedColumns() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : List.of("response_id", "id", "survey_response_id")) {
            m.put(c, "source_id");
        }
        m.put("score", "score");
        m.put("comment", "comment");
        for (String c : List.of("email", "person_email", "email_address")) {
            m.put(c, "email");
        }
        for (String c : List.of("name", "person_name")) {
            m.put(c, "name");
        }
        for (String c : List.of("phone", "phone_number")) {
            m.put(c, "phone");
        }
        for (String c : List.of(
                "date", "created_at", "created", "response_date", "responded_at", "response_timestamp", "timestamp")) {
            m.put(c, "created_at");
        }
        for (String c : List.of("delighted_source", "source", "channel")) {
            m.put(c, "channel");
        }
        m.put("tags", "tags");
        m.put("notes", "notes");
        return m;
    }

    @Override
    public void close() throws IOException {
        if (lines != null) {
            lines.close();
        }
    }
}
