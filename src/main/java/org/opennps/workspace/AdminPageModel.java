package org.opennps.workspace;

import java.util.List;
import java.util.Optional;
import org.opennps.shared.AdminPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user's current workspace into every admin page's model (as
 * {@code currentWorkspace}) and the workspaces they may switch to (as {@code memberWorkspaces}).
 */
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

    /** Still existing workspaces of the user: a deleted demo workspace drops out at once. */
    @ModelAttribute("memberWorkspaces")
    List<Workspace> memberWorkspaces(@AuthenticationPrincipal Object principal) {
        if (!(principal instanceof SignedInUser user)) {
            return List.of();
        }
        return user.workspaceIds().stream()
                .map(workspaces::find)
                .flatMap(Optional::stream)
                .toList();
    }
}
