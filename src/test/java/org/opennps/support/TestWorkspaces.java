package org.opennps.support;

import java.util.UUID;
import org.opennps.workspace.CreatedWorkspace;
import org.opennps.workspace.WorkspaceService;

/** Each test makes its own workspace, so tests never see each other's data on a shared database. */
public class TestWorkspaces {

    private final WorkspaceService workspaces;

    TestWorkspaces(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    public CreatedWorkspace create() {
        String slug = "t-" + UUID.randomUUID().toString().substring(0, 12);
        return workspaces.create(slug, "Test " + slug, "Europe/Warsaw", false, null);
    }
}
