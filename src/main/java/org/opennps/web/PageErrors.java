package org.opennps.web;

import java.util.Map;
import org.opennps.shared.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * Admin pages answer an unknown id (or another workspace's) with a readable 404 page, and an
 * unknown filter word with a 400 page naming the parameter and its words; not JSON.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "not-found";
    }

    @ExceptionHandler(FilterWords.Unknown.class)
    ModelAndView unknownFilterWord(FilterWords.Unknown e) {
        return new ModelAndView(
                "bad-request",
                Map.of(
                        "parameter", e.filter().parameter(),
                        "word", e.word(),
                        "words", e.filter().words()),
                HttpStatus.BAD_REQUEST);
    }
}
