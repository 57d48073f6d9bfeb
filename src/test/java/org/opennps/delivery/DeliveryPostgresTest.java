package org.opennps.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennps.support.OnPostgres;

@OnPostgres
class DeliveryPostgresTest extends DeliveryTests {

    @Test
    void surveyBodiesAreStoredWithLz4AndReadBackWhole() throws Exception {
        for (String column : new String[] {"text_body", "html_body"}) {
            assertThat(jdbc.sql("select attcompression from pg_attribute"
                                    + " where attrelid = 'outgoing_email'::regclass and attname = ?")
                            .param(column)
                            .query(String.class)
                            .single())
                    .as(column)
                    .isEqualTo("l");
        }
        String to = unique("lz");
        UUID id = delivery.queueSurvey(survey(to, "inv-lz4", "en"));
        // the HTML is long enough to be compressed, and compressed with LZ4; it reads back as written
        var stored = jdbc.sql("select pg_column_compression(html_body) as method, length(html_body) as chars,"
                        + " html_body from outgoing_email where id = ?")
                .param(id)
                .query((rs, n) -> new Object[] {rs.getString("method"), rs.getInt("chars"), rs.getString("html_body")})
                .single();
        assertThat(stored[0]).isEqualTo("lz4");
        assertThat((int) stored[1]).isGreaterThan(2000);
        assertThat((String) stored[2]).startsWith("<!DOCTYPE html>").endsWith("</body></html>\n");
        awaitOne(to);
    }
}
