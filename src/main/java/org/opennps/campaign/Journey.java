package org.opennps.campaign;

import java.time.Instant;
import java.util.UUID;

/**
 * One contact's run through one campaign version for one trigger event. {@code stepIndex} is
 * the next step to run, at {@code dueAt}; {@code status} is waiting, held (it fell due while its
 * campaign was paused; activating resumes it), completed, stopped (a filter or fatigue), exited
 * (an exit event) or failed.
 *
 * @param triggerProperties the trigger event's properties as JSON text
 * @param resumes how often the journey was resumed after a hold: the generation of its step executions
 */
public record Journey(
        UUID id,
        UUID workspaceId,
        UUID campaignId,
        int campaignVersion,
        UUID contactId,
        String triggerEventId,
        String triggerProperties,
        JourneyStatus status,
        int stepIndex,
        Instant dueAt,
        String outcome,
        Instant createdAt,
        Instant updatedAt,
        int resumes) {

    /** A new journey waiting at its first step, due {@code now}. */
    static Journey begin(
            UUID workspaceId,
            UUID campaignId,
            int campaignVersion,
            UUID contactId,
            String triggerEventId,
            String triggerProperties,
            Instant now) {
        return new Journey(
                UUID.randomUUID(),
                workspaceId,
                campaignId,
                campaignVersion,
                contactId,
                triggerEventId,
                triggerProperties,
                JourneyStatus.WAITING,
                0,
                now,
                null,
                now,
                now,
                0);
    }

    boolean waiting() {
        return status == JourneyStatus.WAITING;
    }
}
