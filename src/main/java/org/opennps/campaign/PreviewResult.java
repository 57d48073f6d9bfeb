package org.opennps.campaign;

import java.time.Instant;
import java.util.List;

/**
 * What a campaign would do with one event, without doing it.
 *
 * @param wouldStart whether the event would start a journey
 * @param steps each step reached: {@code pass}, {@code wait} (with until) or {@code stop} (with why)
 * @param outcome one line: what would happen in the end
 */
public record PreviewResult(boolean wouldStart, String reason, List<StepPreview> steps, String outcome) {

    /**
     * One step as the preview sees it: {@code index} counts from 0, {@code number} from 1 as the
     * builder shows it; {@code at} is when the step would run, {@code detail} says it in words
     * with times in the workspace's time zone.
     */
    public record StepPreview(int index, int number, String type, String result, String detail, Instant at) {}
}
