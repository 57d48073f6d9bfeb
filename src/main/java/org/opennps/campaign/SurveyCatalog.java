package org.opennps.campaign;

import java.util.UUID;

/** Whether a survey exists in a workspace, for validating campaigns. */
interface SurveyCatalog {

    boolean exists(UUID workspaceId, UUID surveyId);
}
