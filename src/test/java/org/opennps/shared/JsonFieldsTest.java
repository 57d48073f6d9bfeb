package org.opennps.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Strict reading of JSON fields: wrong types are reported with their path, never coerced. */
class JsonFieldsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<FieldViolation> violations = new ArrayList<>();

    private JsonFields fields(String singleQuoted) {
        JsonNode node = JSON.readTree(singleQuoted.replace('\'', '"'));
        return JsonFields.of(node, "", violations);
    }

    private List<String> faults() {
        return violations.stream().map(v -> v.field() + ": " + v.message()).toList();
    }

    @Test
    void aBodyThatIsNotAnObjectIsOneViolationOfTheBody() {
        JsonFields f = JsonFields.of(JSON.readTree("[1,2]"), "", violations);
        assertThat(faults()).containsExactly("body: must be a JSON object");
        assertThat(f.string("name", 10, false)).isNull();
    }

    @Test
    void aNestedNonObjectIsReportedAtItsPath() {
        fields("{'contact':'ann'}").object("contact", true);
        assertThat(faults()).containsExactly("contact: must be a JSON object");
    }

    @Test
    void stringsAreTrimmedAndEmptyOptionalOnesAreAbsent() {
        JsonFields f = fields("{'a':'  hi  ','b':'   '}");
        assertThat(f.string("a", 10, false)).isEqualTo("hi");
        assertThat(f.string("b", 10, false)).isNull();
        assertThat(violations).isEmpty();
    }

    @Test
    void aNumberWhereAStringBelongsIsRejectedNotCoerced() {
        assertThat(fields("{'name':42}").string("name", 10, true)).isNull();
        assertThat(faults()).containsExactly("name: must be a string");
    }

    @Test
    void requiredFieldsMustBePresentAndNotBlank() {
        JsonFields f = fields("{'b':'  ','c':null}");
        f.string("a", 10, true);
        f.string("b", 10, true);
        f.string("c", 10, true);
        assertThat(faults()).containsExactly("a: is required", "b: must not be blank", "c: is required");
    }

    @Test
    void aStringOverItsLengthIsRejectedWithTheLimit() {
        fields("{'a':'abcdef'}").string("a", 5, false);
        assertThat(faults()).containsExactly("a: must be at most 5 characters");
    }

    @Test
    void aStringOfExactlyItsLengthIsKept() {
        assertThat(fields("{'a':'abcde'}").string("a", 5, false)).isEqualTo("abcde");
        assertThat(violations).isEmpty();
    }

    @Test
    void singleLineStringsRefuseNewlinesButMultiLineOnesKeepThem() {
        JsonFields f = fields("{'a':'one\\ntwo','b':'one\\ntwo'}");
        assertThat(f.string("a", 20, false)).isNull();
        assertThat(f.multiLineString("b", 20, false)).isEqualTo("one\ntwo");
        assertThat(faults()).containsExactly("a: must not contain control characters");
    }

    @Test
    void nestedFieldsAreReportedWithTheirFullPath() {
        JsonFields f = JsonFields.of(JSON.readTree("{\"contact\":{\"email\":\"nope\"}}"), "events[2]", violations);
        f.object("contact", true).email("email", true);
        assertThat(faults()).containsExactly("events[2].contact.email: must be a valid e-mail address");
    }

    @Test
    void everyFaultIsCollectedNotJustTheFirst() {
        JsonFields f = fields("{'a':1,'b':true,'email':'x'}");
        f.string("a", 10, true);
        f.string("b", 10, true);
        f.email("email", true);
        f.instant("missing");
        assertThat(violations).hasSize(3);
    }

    @Test
    void emailAddressesAreNormalised() {
        String email = fields("{'email':' Ann@Example.COM '}").email("email", true);
        assertThat(email).isEqualTo("ann@example.com");
        assertThat(violations).isEmpty();
    }

    @Test
    void instantsNeedAnOffset() {
        JsonFields f = fields("{'a':'2026-11-23T10:00:00+01:00','b':'2026-11-23T10:00:00'}");
        assertThat(f.instant("a")).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(f.instant("b")).isNull();
        assertThat(faults()).containsExactly("b: must be an ISO-8601 time with offset, e.g. 2026-11-23T10:00:00Z");
    }

    @Test
    void timeZonesMustBeIana() {
        JsonFields f = fields("{'a':'Europe/Warsaw','b':'Mars/Olympus'}");
        assertThat(f.timeZone("a")).isEqualTo("Europe/Warsaw");
        assertThat(f.timeZone("b")).isNull();
        assertThat(faults()).containsExactly("b: must be an IANA time zone such as Europe/Warsaw");
    }

    @Test
    void tokensMustMatchTheirPattern() {
        JsonFields f = fields("{'a':'order.placed','b':'order placed'}");
        Pattern rule = Pattern.compile("[a-z.]+");
        assertThat(f.token("a", rule, "letters and dots", true)).isEqualTo("order.placed");
        assertThat(f.token("b", rule, "letters and dots", true)).isNull();
        assertThat(faults()).containsExactly("b: letters and dots");
    }

    @Test
    void scalarMapsKeepTypesAndNullRemovesAKey() {
        Map<String, Object> map = fields("{'m':{'plan':'pro','seats':3,'ratio':0.5,'vip':true,'old':null}}")
                .scalarMap("m", 10, 20);
        assertThat(map)
                .containsEntry("plan", "pro")
                .containsEntry("seats", 3L)
                .containsEntry("ratio", 0.5)
                .containsEntry("vip", true)
                .containsEntry("old", null);
        assertThat(violations).isEmpty();
    }

    @Test
    void scalarMapsRefuseNestedValuesBadKeysAndTooManyEntries() {
        fields("{'m':{'list':[1],'bad key':1,'long':'abcdefghijk'}}").scalarMap("m", 10, 5);
        assertThat(faults())
                .containsExactlyInAnyOrder(
                        "m.list: must be a string, number, boolean or null",
                        "m: key 'bad key' must be 1-64 letters, digits, _ . : -",
                        "m.long: must be at most 5 characters");
        violations.clear();
        fields("{'m':{'a':1,'b':2,'c':3}}").scalarMap("m", 2, 5);
        assertThat(faults()).containsExactly("m: must have at most 2 entries");
    }

    @Test
    void aRejectedKeyIsShownWithoutItsControlCharacters() {
        fields("{'m':{'a\\u0007b':1}}").scalarMap("m", 10, 5);
        assertThat(faults()).containsExactly("m: key 'a?b' must be 1-64 letters, digits, _ . : -");
    }

    @Test
    void localesAreNormalisedOrRejected() {
        JsonFields f = fields("{'a':'pt_br','b':'???'}");
        assertThat(f.locale("a")).isEqualTo("pt-BR");
        assertThat(f.locale("b")).isNull();
        assertThat(faults()).containsExactly("b: must be a language tag such as en or pt-BR");
    }
}
