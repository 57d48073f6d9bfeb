package org.opennps.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.UUID;

/**
 * A campaign as the API shows it: its definition (with the current status and any webhook secret
 * masked) beside its id, version and times, and for an audience campaign the progress of its
 * enrolment.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignView(
        UUID id,
        @JsonUnwrapped SaveCampaign definition,
        int version,
        Instant createdAt,
        Instant updatedAt,
        Enrolment enrolment) {

    public String name() {
        return definition.name();
    }

    public CampaignStatus status() {
        return definition.status();
    }

    /** How far enrolling an audience got: {@code status} running or done. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Enrolment(String status, int matched, int enrolled, Instant startedAt, Instant finishedAt) {}
}
