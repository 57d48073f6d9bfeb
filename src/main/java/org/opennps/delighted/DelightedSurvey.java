package org.opennps.delighted;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.SqlTimes;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyService;
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
    private static final String DEFINITION = """
            {"name":"Delighted NPS",
             "questions":[
               {"id":"nps","type":"nps","text":"How likely are you to recommend us to a friend or colleague?"},
               {"id":"comment","type":"text","text":"What is the most important reason for your score?",
                "required":false}],
             "thank_you":"Thank you for your feedback!"}""";

    private final JdbcClient jdbc;
    private final SurveyService surveys;
    private final JsonMapper json;
    private final Clock clock;

    DelightedSurvey(JdbcClient jdbc, SurveyService surveys, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.surveys = surveys;
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
     * The survey, created now when missing. Two first calls racing both create a survey; the
     * mapping keeps the first and the other stays an unused survey.
     */
    @Transactional
    UUID ensure(UUID workspaceId) {
        Optional<UUID> existing = find(workspaceId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Survey survey = surveys.create(workspaceId, surveys.read(json.readTree(DEFINITION)));
        jdbc.sql("insert into delighted_survey (workspace_id, survey_id, created_at) values (?, ?, ?)"
                        + " on conflict do nothing")
                .params(workspaceId, survey.id(), SqlTimes.param(clock.instant()))
                .update();
        return find(workspaceId).orElseThrow();
    }
}
