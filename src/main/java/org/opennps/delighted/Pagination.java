package org.opennps.delighted;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.opennps.shared.PageResult;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Delighted lists are bare JSON arrays; the next page is announced in a {@code Link} header
 * with a full URL ({@code <…?page=2>; rel="next"}), which the clients follow as it is.
 */
final class Pagination {

    private Pagination() {}

    static <T> ResponseEntity<List<T>> respond(HttpServletRequest request, PageResult<T> page) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.ok();
        if ((long) page.page() * page.size() < page.total()) {
            String next = ServletUriComponentsBuilder.fromRequest(request)
                    .replaceQueryParam("page", page.page() + 1)
                    .build()
                    .toUriString();
            builder.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return builder.body(page.items());
    }
}
