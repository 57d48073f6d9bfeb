package org.opennps.delighted;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.opennps.shared.PageResult;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Delighted lists are bare JSON arrays; the next page is announced in a {@code Link} header
 * with a full URL ({@code <…?page=2>; rel="next"}), which the clients follow as it is. The URL
 * starts with {@code opennps.public-url} when set (the address clients reach behind a proxy),
 * else with this request's own scheme and host, which honour {@code X-Forwarded-*} only when
 * {@code server.forward-headers-strategy} says so.
 */
@Component
class Pagination {

    private final PublicBase base;

    Pagination(PublicBase base) {
        this.base = base;
    }

    <T> ResponseEntity<List<T>> respond(HttpServletRequest request, PageResult<T> page) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.ok();
        if ((long) page.page() * page.size() < page.total()) {
            builder.header(HttpHeaders.LINK, next(request, "page", Integer.toString(page.page() + 1)));
        }
        return builder.body(page.items());
    }

    /** A list paged by cursor: the next page continues after {@code cursor}, when there is one. */
    <T> ResponseEntity<List<T>> respond(HttpServletRequest request, List<T> items, String cursor) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.ok();
        if (cursor != null) {
            builder.header(HttpHeaders.LINK, next(request, "page_info", cursor));
        }
        return builder.body(items);
    }

    private String next(HttpServletRequest request, String parameter, String value) {
        String publicUrl = base.configured();
        UriComponentsBuilder url = publicUrl.isEmpty()
                ? org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromRequest(request)
                : UriComponentsBuilder.fromUriString(publicUrl)
                        .path(request.getRequestURI()
                                .substring(request.getContextPath().length()))
                        .query(request.getQueryString());
        String link = url.replaceQueryParam(parameter, value)
                .replaceQueryParam("page".equals(parameter) ? "page_info" : "page")
                .build()
                .toUriString();
        return "<" + link + ">; rel=\"next\"";
    }
}
