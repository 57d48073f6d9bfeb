package org.opennps.respond;

import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The accent colour of respondent pages as a stylesheet, {@code /css/brand/rrggbb.css}: no inline style needed. */
@RestController
class BrandStyles {

    private static final Pattern HEX = Pattern.compile("^[0-9a-f]{6}$");

    @GetMapping("/css/brand/{hex}.css")
    ResponseEntity<String> css(@PathVariable String hex) {
        if (!HEX.matcher(hex).matches()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "css", java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic())
                .body(Brand.css("#" + hex));
    }
}
