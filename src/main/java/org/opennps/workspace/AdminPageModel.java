package org.opennps.workspace;

import org.opennps.shared.AdminPage;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user's current workspace into every admin page's model. */
@ControllerAdvice(annotations = AdminPage.class)
class AdminPageModel {

    private final WorkspaceService workspaces;

    AdminPageModel(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @ModelAttribute("currentWorkspace")
    Workspace currentWorkspace(WorkspaceAccess access) {
        return workspaces.get(access.workspaceId());
    }
}
