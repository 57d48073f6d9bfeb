package org.opennps.delighted;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Delighted's tags and notes of one imported response; notes were written at {@code at}. */
    public record Annotation(UUID responseId, List<String> tags, List<String> notes, Instant at) {}

    /** Gives imported responses their tags and notes (those without any are left alone), in a batch. */
    public void annotateAll(UUID workspaceId, List<Annotation> annotations) {
        Map<UUID, ResponseExtras.Extra> written = new LinkedHashMap<>();
        for (Annotation a : annotations) {
            if (a.tags().isEmpty() && a.notes().isEmpty()) {
                continue;
            }
            List<Views.Note> notes = new ArrayList<>();
            for (String note : a.notes()) {
                notes.add(new Views.Note(UUID.randomUUID().toString(), note, null, a.at().getEpochSecond()));
            }
            written.put(a.responseId(), new ResponseExtras.Extra(List.copyOf(a.tags()), notes));
        }
        extras.saveAll(workspaceId, written);
    }
}
