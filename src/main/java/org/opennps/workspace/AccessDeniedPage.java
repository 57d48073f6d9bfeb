package org.opennps.workspace;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Where the admin UI sends a signed-in person whose role does not allow the request. */
@Controller
class AccessDeniedPage {

    @RequestMapping("/access-denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "access-denied";
    }
}
