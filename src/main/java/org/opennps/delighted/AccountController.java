package org.opennps.delighted;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennps.analytics.AnalyticsService;
import org.opennps.analytics.NpsResult;
import org.opennps.contact.ContactInput;
import org.opennps.contact.ContactService;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Delighted's account-wide reads and opt-outs: metrics, unsubscribes and bounces. */
@RestController
class AccountController {

    private final AnalyticsService analytics;
    private final ContactService contacts;
    private final DelightedSurvey survey;
    private final RequestBodies bodies;
    private final DelightedGate gate;
    private final Pagination pagination;
    private final Trends trends;

    AccountController(
            AnalyticsService analytics,
            ContactService contacts,
            DelightedSurvey survey,
            RequestBodies bodies,
            DelightedGate gate,
            Pagination pagination,
            Trends trends) {
        this.pagination = pagination;
        this.trends = trends;
        this.analytics = analytics;
        this.contacts = contacts;
        this.survey = survey;
        this.bodies = bodies;
        this.gate = gate;
    }

    /**
     * NPS of the Delighted survey (or of the survey a {@code trend} names) in [since, until),
     * exactly as the analytics module counts it, with whole-number percentages as Delighted
     * reports them. {@code groups[]} may ask for {@code core} (the default), the only group
     * offered.
     */
    @GetMapping({"/v1/metrics", "/v1/metrics.json"})
    Views.Metrics metrics(
            WorkspaceAccess access,
            HttpServletRequest request,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String until,
            @RequestParam(required = false) String trend) {
        gate.enter(access);
        Instant from = LenientFields.unixTime("since", since);
        Instant to = LenientFields.unixTime("until", until);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("until", "must be after since");
        }
        List<String> groups = QueryLists.values(request, "groups");
        for (String group : groups) {
            if (!group.equals("core")) {
                throw new InvalidInputException(
                        "groups",
                        "offers only core; '" + (group.length() > 40 ? group.substring(0, 40) : group)
                                + "' is not available");
            }
        }
        Optional<UUID> surveyId = trends.survey(access.workspaceId(), trend);
        if (surveyId.isEmpty()) {
            return new Views.Metrics(0, 0, 0, 0, 0, 0, 0, 0);
        }
        NpsResult r = analytics.surveyNps(access.workspaceId(), surveyId.get(), from, to);
        return new Views.Metrics(
                r.nps() == null ? 0 : Math.round(r.nps()),
                r.promoters(),
                whole(r.shares().promoters()),
                r.passives(),
                whole(r.shares().passives()),
                r.detractors(),
                whole(r.shares().detractors()),
                r.responses());
    }

    @GetMapping({"/v1/unsubscribes", "/v1/unsubscribes.json"})
    ResponseEntity<List<Views.Unsubscribe>> unsubscribes(
            WorkspaceAccess access,
            HttpServletRequest request,
            @RequestParam(name = "per_page", required = false) String perPage,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String until) {
        gate.enter(access);
        var found = contacts.listUnsubscribed(
                access.workspaceId(),
                LenientFields.unixTime("since", since),
                LenientFields.unixTime("until", until),
                LenientFields.page(page, perPage));
        return pagination.respond(
                request,
                found.map(c ->
                        new Views.Unsubscribe(c.id().toString(), c.email(), c.name(), Views.unix(c.unsubscribedAt()))));
    }

    /** Opts the person with {@code person_email} out of every survey; unknown addresses are added. */
    @PostMapping({"/v1/unsubscribes", "/v1/unsubscribes.json"})
    Views.Ok unsubscribe(WorkspaceAccess access, HttpServletRequest request)
            throws IOException, HttpMediaTypeNotSupportedException {
        gate.enter(access);
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields f = JsonFields.of(bodies.read(request), "", violations);
        String email = f.email("person_email", true);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        UUID ws = access.workspaceId();
        UUID contactId = contacts.findByEmail(ws, email)
                .orElseGet(() -> contacts.upsert(ws, new ContactInput(null, email, null, null, null, null, null))
                        .contact())
                .id();
        contacts.unsubscribe(ws, contactId);
        return Views.Ok.OK;
    }

    @GetMapping({"/v1/bounces", "/v1/bounces.json"})
    ResponseEntity<List<Views.Bounce>> bounces(
            WorkspaceAccess access,
            HttpServletRequest request,
            @RequestParam(name = "per_page", required = false) String perPage,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String until) {
        gate.enter(access);
        var found = contacts.listBounced(
                access.workspaceId(),
                LenientFields.unixTime("since", since),
                LenientFields.unixTime("until", until),
                LenientFields.page(page, perPage));
        return pagination.respond(
                request,
                found.map(c -> new Views.Bounce(c.id().toString(), c.email(), c.name(), Views.unix(c.bouncedAt()))));
    }

    /** A share in percent (50.0) as Delighted's whole number (50); analytics shares are percent already. */
    private static long whole(Double percent) {
        return percent == null ? 0 : Math.round(percent);
    }
}
