package org.opennps.workspace;

import jakarta.servlet.http.HttpServletRequest;
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
    private final UserService users;

    AdminPageModel(WorkspaceService workspaces, UserService users) {
        this.workspaces = workspaces;
        this.users = users;
    }

    @ModelAttribute("currentWorkspace")
    Workspace currentWorkspace(WorkspaceAccess access) {
        return workspaces.get(access.workspaceId());
    }

    /** The signed-in user's role here, so pages offer only what the role may do. */
    @ModelAttribute("currentMember")
    CurrentMember currentMember(HttpServletRequest request) {
        return request.getAttribute(AccessRules.CURRENT_MEMBER) instanceof CurrentMember member ? member : null;
    }

    /** Whether the signed-in user may create workspaces. */
    @ModelAttribute("installationOwner")
    boolean installationOwner(@AuthenticationPrincipal Object principal) {
        return principal instanceof SignedInUser user && users.isInstallationOwner(user.id());
    }

    /** Still existing workspaces of the user: a deleted demo workspace drops out at once. */
    @ModelAttribute("memberWorkspaces")
    List<Workspace> memberWorkspaces(@AuthenticationPrincipal Object principal, HttpServletRequest request) {
        if (!(principal instanceof SignedInUser user)) {
            return List.of();
        }
        CurrentMember member = currentMember(request);
        return (member != null ? member.workspaceIds() : user.workspaceIds())
                .stream().map(workspaces::find).flatMap(Optional::stream).toList();
    }
}
