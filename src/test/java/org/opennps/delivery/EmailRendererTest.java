package org.opennps.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

class EmailRendererTest {

    @Test
    void escapingMatchesSpringsUtf8EscapingAndLeavesPlainTextUncopied() {
        List<String> texts = List.of(
                "",
                "https://nps.example/s/AbC-_09?score=7",
                "Zażółć gęślą jaźń",
                "<script>alert(1)</script>",
                "Tom & Jerry",
                "say \"hi\"",
                "it's",
                "a > b",
                "ends with <");
        for (String text : texts) {
            assertThat(EmailRenderer.htmlEscape(text)).as(text).isEqualTo(HtmlUtils.htmlEscape(text, "UTF-8"));
        }
        String link = "https://nps.example/s/token?score=10";
        assertThat(EmailRenderer.htmlEscape(link)).isSameAs(link);
    }
}
