package org.opennps.delighted;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.SqlTimes;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyDraft;
import org.opennps.survey.SurveyService;
import org.opennps.workspace.WorkspaceService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delighted has one survey per account: the workspace's own NPS survey with a {@code comment}
 * question, made on first use and remembered here.
 */
@Component
class DelightedSurvey {

    static final String COMMENT = "comment";
    /** The name surveys made before were given; respondents saw it as the page's heading. */
    static final String FORMER_NAME = "Delighted NPS";

    private static final String DEFINITION = """
            {"name":"",
             "questions":[
               {"id":"nps","type":"nps","text":"How likely are you to recommend us to a friend or colleague?"},
               {"id":"comment","type":"text","text":"What is the most important reason for your score?",
                "required":false}],
             "thank_you":"Thank you for your feedback!"}""";

    private final JdbcClient jdbc;
    private final SurveyService surveys;
    private final JsonMapper json;
    private final Clock clock;
    private final WorkspaceService workspaces;

    DelightedSurvey(JdbcClient jdbc, SurveyService surveys, JsonMapper json, Clock clock, WorkspaceService workspaces) {
        this.jdbc = jdbc;
        this.surveys = surveys;
        this.workspaces = workspaces;
        this.json = json;
        this.clock = clock;
    }

    /** The survey, if the workspace has used the Delighted API to ask or record before. */
    Optional<UUID> find(UUID workspaceId) {
        return jdbc.sql("select survey_id from delighted_survey where workspace_id = ?")
                .param(workspaceId)
                .query(UUID.class)
                .optional();
    }

    /**
     * The survey, created now when missing and named after the workspace, as respondents know
     * the sender (Delighted heads its page with the company's name, not its own). A survey made
     * before under the former name takes the workspace's name now. Two first calls racing both
     * create a survey; the mapping keeps the first and the other stays an unused survey.
     */
    @Transactional
    UUID ensure(UUID workspaceId) {
        Optional<UUID> existing = find(workspaceId);
        if (existing.isPresent()) {
            surveys.find(workspaceId, existing.get())
                    .filter(s -> FORMER_NAME.equals(s.name()))
                    .ifPresent(s -> surveys.update(
                            workspaceId,
                            s.id(),
                            new SurveyDraft(name(workspaceId), s.questions(), s.thankYou(), s.invitationExpiry())));
            return existing.get();
        }
        var definition = (tools.jackson.databind.node.ObjectNode) json.readTree(DEFINITION);
        definition.put("name", name(workspaceId));
        Survey survey = surveys.create(workspaceId, surveys.read(definition));
        jdbc.sql("insert into delighted_survey (workspace_id, survey_id, created_at) values (?, ?, ?)"
                        + " on conflict do nothing")
                .params(workspaceId, survey.id(), SqlTimes.param(clock.instant()))
                .update();
        return find(workspaceId).orElseThrow();
    }

    private String name(UUID workspaceId) {
        String name = workspaces.get(workspaceId).name();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
