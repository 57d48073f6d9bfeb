package org.opennps.campaign;

import java.util.List;

/**
 * What a campaign would do with one event, without doing it.
 *
 * @param wouldStart whether the event would start a journey
 * @param steps each step reached: {@code pass}, {@code wait} (with until) or {@code stop} (with why)
 * @param outcome one line: what would happen in the end
 */
public record PreviewResult(boolean wouldStart, String reason, List<StepPreview> steps, String outcome) {

    /** One step as the preview sees it. */
    public record StepPreview(int index, String type, String result, String detail) {}
}
