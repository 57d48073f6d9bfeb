package org.opennps.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Execution ids of journey steps: the scheduler keeps one execution per id, so these ids are
 * what makes a step run once however often it is scheduled.
 */
class JourneyTaskTest {

    private final UUID journey = UUID.fromString("6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7");

    @Test
    void schedulingTheSameStepTwiceNamesTheSameExecution() {
        assertThat(JourneyTask.instance(journey, 2).getId())
                .isEqualTo(JourneyTask.instance(journey, 2).getId())
                .isEqualTo(journey + "#2");
    }

    @Test
    void eachStepOfAJourneyIsItsOwnExecution() {
        assertThat(JourneyTask.instance(journey, 1).getId())
                .isNotEqualTo(JourneyTask.instance(journey, 2).getId());
        assertThat(JourneyTask.instance(journey, 1).getId())
                .isNotEqualTo(JourneyTask.instance(UUID.randomUUID(), 1).getId());
    }

    @Test
    void aResumedJourneysStepIsANewExecutionSoTheHeldOneCannotBlockIt() {
        assertThat(JourneyTask.instance(journey, 1, 1).getId()).isEqualTo(journey + "#1#1");
        assertThat(JourneyTask.instance(journey, 1, 1).getId())
                .isNotEqualTo(JourneyTask.instance(journey, 1, 0).getId())
                .isNotEqualTo(JourneyTask.instance(journey, 1, 2).getId());
    }

    @Test
    void theFirstGenerationKeepsTheShortIdOfExecutionsScheduledBeforeResumesExisted() {
        assertThat(JourneyTask.instance(journey, 3, 0).getId()).isEqualTo(journey + "#3");
        assertThat(JourneyTask.instance(journey, 3, 0).getTaskName()).isEqualTo("journey-step");
    }
}
