package org.opennps.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.opennps.contact.Contact;
import org.opennps.contact.ContactService;
import org.opennps.event.EventHistory;
import org.opennps.invitation.Channel;
import org.opennps.invitation.ChannelFilter;
import org.opennps.invitation.InvitationService;
import org.opennps.loop.CaseService;
import org.opennps.loop.CaseStatus;
import org.opennps.loop.FeedbackCase;
import org.opennps.response.Response;
import org.opennps.response.ResponseFilter;
import org.opennps.response.ResponseService;
import org.opennps.shared.AdminPage;
import org.opennps.shared.Coded;
import org.opennps.shared.PageResult;
import org.opennps.survey.ScoreCategory;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyService;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The inbox: responses with filters, and one response with the contact's timeline. */
@Controller
@AdminPage
class ResponsePages {

    static final Map<String, Duration> PERIODS = periods();
    static final List<String> CHANNELS = Stream.of(
                    Channel.EMAIL, Channel.WEB, Channel.LINK, Channel.API, Channel.WEBHOOK)
            .map(Channel::code)
            .toList();
    private static final FilterWords CATEGORY = new FilterWords(
            "category",
            Stream.of(ScoreCategory.values()).map(ScoreCategory::code).toList());
    private static final FilterWords CHANNEL = new FilterWords("channel", CHANNELS);
    private static final FilterWords PERIOD = new FilterWords("period", List.copyOf(PERIODS.keySet()));
    private static final FilterWords COMMENT = new FilterWords("comment", List.of("yes", "no"));
    private static final FilterWords CASE = new FilterWords("case", CasePanel.STATUSES);
    private static final int PAGE_SIZE = 25;
    private static final int TIMELINE = 50;

    private final ResponseService responses;
    private final SurveyService surveys;
    private final ContactService contacts;
    private final EventHistory history;
    private final InvitationService invitations;
    private final CaseService cases;
    private final CasePanel casePanel;
    private final org.opennps.response.ResponseCsv csv;
    private final Clock clock;

    ResponsePages(
            ResponseService responses,
            SurveyService surveys,
            ContactService contacts,
            EventHistory history,
            InvitationService invitations,
            CaseService cases,
            CasePanel casePanel,
            org.opennps.response.ResponseCsv csv,
            Clock clock) {
        this.responses = responses;
        this.surveys = surveys;
        this.contacts = contacts;
        this.history = history;
        this.invitations = invitations;
        this.cases = cases;
        this.casePanel = casePanel;
        this.csv = csv;
        this.clock = clock;
    }

    /**
     * The inbox's filtered responses as CSV, the same columns as the API export; the case-status
     * filter does not apply to it (it lists cases, not responses).
     */
    @GetMapping("/responses/export.csv")
    void export(
            WorkspaceAccess access,
            @RequestParam(required = false) UUID survey,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String comment,
            jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        ResponseFilter filter =
                filterOf(survey, category, channel, period, comment).filter();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"responses.csv\"");
        csv.write(access.workspaceId(), filter, response.getOutputStream());
    }

    /** The words the inbox and the export were asked for, and the filter they make. */
    private record Chosen(
            ScoreCategory category, ChannelFilter channel, String period, String comment, ResponseFilter filter) {}

    /** The inbox's and the export's filter from their query words (unknown words are refused). */
    private Chosen filterOf(UUID survey, String category, String channel, String period, String comment) {
        ScoreCategory cat =
                Coded.find(ScoreCategory.class, CATEGORY.chosen(category)).orElse(null);
        ChannelFilter chan = Coded.find(Channel.class, CHANNEL.chosen(channel))
                .map(ChannelFilter::only)
                .orElse(null);
        String chosenPeriod = PERIOD.chosen(period);
        Duration within = chosenPeriod == null ? null : PERIODS.get(chosenPeriod);
        String chosenComment = COMMENT.chosen(comment);
        Boolean hasComment = chosenComment == null ? null : chosenComment.equals("yes");
        return new Chosen(
                cat,
                chan,
                chosenPeriod,
                chosenComment,
                new ResponseFilter(
                        survey,
                        null,
                        within == null ? null : clock.instant().minus(within),
                        null,
                        cat,
                        chan,
                        hasComment));
    }

    @GetMapping("/responses")
    String inbox(
            WorkspaceAccess access,
            @RequestParam(required = false) UUID survey,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String comment,
            @RequestParam(name = "case", required = false) String caseParam,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        UUID ws = access.workspaceId();
        CaseStatus withCase =
                Coded.find(CaseStatus.class, CASE.chosen(caseParam)).orElse(null);
        Chosen chosen = filterOf(survey, category, channel, period, comment);
        ResponseFilter filter = chosen.filter();
        PageResult.Request paging = PageResult.Request.of(Math.max(1, page), PAGE_SIZE);
        Map<UUID, String> caseStatus = new java.util.HashMap<>();
        PageResult<Response> result;
        if (withCase != null) {
            // Cases of one status, newest first; the response filters do not apply to them.
            PageResult<FeedbackCase> found = cases.list(ws, withCase, null, null, paging);
            found.items().forEach(c -> caseStatus.put(c.responseId(), c.status().code()));
            result = found.map(c -> responses.get(ws, c.responseId()));
        } else {
            result = responses.list(ws, filter, paging);
            result.items()
                    .forEach(r -> cases.forResponse(ws, r.id())
                            .ifPresent(c -> caseStatus.put(r.id(), c.status().code())));
        }
        Map<UUID, Survey> surveyById = new LinkedHashMap<>();
        surveys.list(ws, PageResult.Request.of(1, PageResult.MAX_SIZE)).items().forEach(s -> surveyById.put(s.id(), s));
        Map<UUID, Contact> people = new java.util.HashMap<>();
        contacts.findAll(
                        ws,
                        result.items().stream()
                                .map(Response::contactId)
                                .filter(Objects::nonNull)
                                .distinct()
                                .toList())
                .forEach(c -> people.put(c.id(), c));
        model.addAttribute(
                "page",
                result.map(r -> InboxRow.of(
                        r,
                        surveyById.get(r.surveyId()),
                        r.contactId() == null ? null : people.get(r.contactId()),
                        caseStatus.get(r.id()))));
        model.addAttribute("surveys", surveyById.values());
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("periods", PERIODS.keySet());
        model.addAttribute("caseStatuses", CasePanel.STATUSES);
        model.addAttribute(
                "filter",
                new InboxFilter(
                        survey,
                        Coded.codeOf(chosen.category()),
                        chosen.channel() == null ? null : chosen.channel().word(),
                        chosen.period(),
                        chosen.comment(),
                        withCase == null ? null : withCase.code()));
        return "responses";
    }

    @GetMapping("/responses/{id}")
    String detail(WorkspaceAccess access, @PathVariable UUID id, Model model) {
        UUID ws = access.workspaceId();
        Response response = responses.get(ws, id);
        Optional<Survey> survey = surveys.find(ws, response.surveyId());
        model.addAttribute("response", response);
        model.addAttribute("survey", survey.orElse(null));
        model.addAttribute("answers", AnswerView.of(response, survey.orElse(null)));
        Contact contact = contact(ws, response);
        model.addAttribute("contact", contact);
        if (contact != null) {
            model.addAttribute("events", history.ofContact(ws, contact.id(), TIMELINE));
            model.addAttribute("invitations", invitations.ofContact(ws, contact.id(), TIMELINE));
            model.addAttribute(
                    "otherResponses",
                    responses.ofContact(ws, contact.id()).stream()
                            .filter(r -> !r.id().equals(id))
                            .toList());
        }
        casePanel.fill(model, ws, id);
        return "response";
    }

    private Contact contact(UUID ws, Response r) {
        return r.contactId() == null ? null : contacts.find(ws, r.contactId()).orElse(null);
    }

    private static Map<String, Duration> periods() {
        Map<String, Duration> map = new LinkedHashMap<>();
        map.put("7d", Duration.ofDays(7));
        map.put("30d", Duration.ofDays(30));
        map.put("90d", Duration.ofDays(90));
        map.put("365d", Duration.ofDays(365));
        return map;
    }

    /** The filters as chosen, for the form and the pager links. */
    record InboxFilter(
            UUID survey, String category, String channel, String period, String comment, String caseStatus) {}

    /** One line of the inbox. */
    record InboxRow(
            UUID id,
            Instant at,
            Integer score,
            String category,
            String channel,
            String surveyName,
            String contactName,
            String comment,
            String caseStatus,
            boolean confirmed) {

        static InboxRow of(Response r, Survey survey, Contact contact) {
            return of(r, survey, contact, null);
        }

        static InboxRow of(Response r, Survey survey, Contact contact, String caseStatus) {
            String name = contact == null
                    ? null
                    : java.util.stream.Stream.of(contact.name(), contact.email(), contact.externalId())
                            .filter(Objects::nonNull)
                            .findFirst()
                            .orElse("(no name)");
            return new InboxRow(
                    r.id(),
                    r.completedAt() != null ? r.completedAt() : r.startedAt(),
                    r.score(),
                    Coded.codeOf(r.category()),
                    Coded.codeOf(r.channel()),
                    survey == null ? "(deleted survey)" : survey.name(),
                    name,
                    AnswerView.firstComment(r, survey),
                    caseStatus,
                    r.confirmed());
        }
    }
}
