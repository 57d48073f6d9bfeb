package org.opennps.delighted;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What the imports module needs of the Delighted API to bring a Delighted account's history
 * in: the workspace's Delighted survey (where imported answers land by default, next to those
 * the API records) and a response's Delighted tags and notes.
 */
@Service
public class DelightedHistory {

    private final DelightedSurvey survey;
    private final ResponseExtras extras;

    DelightedHistory(DelightedSurvey survey, ResponseExtras extras) {
        this.survey = survey;
        this.extras = extras;
    }

    /** The workspace's Delighted survey, made now when missing. */
    public UUID survey(UUID workspaceId) {
        return survey.ensure(workspaceId);
    }

    /** Gives an imported response its tags and notes (written at {@code at}), when it has any. */
    public void annotate(UUID workspaceId, UUID responseId, List<String> tags, List<String> notes, Instant at) {
        if (tags.isEmpty() && notes.isEmpty()) {
            return;
        }
        List<Views.Note> written = new ArrayList<>();
        for (String note : notes) {
            written.add(new Views.Note(UUID.randomUUID().toString(), note, null, at.getEpochSecond()));
        }
        extras.save(workspaceId, responseId, new ResponseExtras.Extra(List.copyOf(tags), written));
    }
}
