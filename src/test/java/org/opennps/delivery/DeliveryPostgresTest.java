package org.opennps.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennps.support.OnPostgres;

@OnPostgres
class DeliveryPostgresTest extends DeliveryTests {

    @Test
    void surveyBodiesAreStoredWithLz4WhereTheServerHasItAndReadBackWhole() throws Exception {
        // a server built without LZ4 (the embedded one of a plain build may be) keeps the default
        boolean lz4 = jdbc.sql("select 'lz4' = any(enumvals) from pg_settings where name = 'default_toast_compression'")
                .query(Boolean.class)
                .single();
        for (String column : new String[] {"text_body", "html_body"}) {
            assertThat(jdbc.sql("select attcompression from pg_attribute"
                                    + " where attrelid = 'outgoing_email'::regclass and attname = ?")
                            .param(column)
                            .query(String.class)
                            .single())
                    .as(column)
                    .isEqualTo(lz4 ? "l" : "");
        }
        String to = unique("lz");
        UUID id = delivery.queueSurvey(survey(to, "inv-lz4", "en"));
        // the HTML is long enough to be compressed, with LZ4 where there is LZ4; it reads back as written
        var stored = jdbc.sql("select pg_column_compression(html_body) as method, length(html_body) as chars,"
                        + " html_body from outgoing_email where id = ?")
                .param(id)
                .query((rs, n) -> new Object[] {rs.getString("method"), rs.getInt("chars"), rs.getString("html_body")})
                .single();
        assertThat(stored[0]).isEqualTo(lz4 ? "lz4" : "pglz");
        assertThat((int) stored[1]).isGreaterThan(2000);
        assertThat((String) stored[2]).startsWith("<!DOCTYPE html>").endsWith("</body></html>\n");
        awaitOne(to);
    }
}
