package org.opennps.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.UUID;
import org.opennps.shared.RequestLogFilter;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Supplies {@link WorkspaceAccess} to controller methods: the API key's workspace, or for a
 * signed-in user the workspace chosen in the session (their first one by default).
 */
class WorkspaceAccessResolver implements HandlerMethodArgumentResolver {

    /** Session attribute holding the workspace a signed-in user works in. */
    static final String SESSION_WORKSPACE = "opennps.workspace";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(WorkspaceAccess.class);
    }

    @Override
    public WorkspaceAccess resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ApiKeyAuthentication key) {
            return key.getPrincipal();
        }
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
            UUID workspace = request.getAttribute(AccessRules.CURRENT_MEMBER) instanceof CurrentMember member
                    ? member.workspaceId()
                    : chosen(request, user.workspaceIds());
            request.setAttribute(RequestLogFilter.WORKSPACE_ATTRIBUTE, workspace);
            return new WorkspaceAccess(workspace, null, user.id());
        }
        throw new InsufficientAuthenticationException("No workspace for this request");
    }

    private static UUID chosen(HttpServletRequest request, List<UUID> memberships) {
        HttpSession session = request.getSession(false);
        Object chosen = session == null ? null : session.getAttribute(SESSION_WORKSPACE);
        if (chosen instanceof UUID id && memberships.contains(id)) {
            return id;
        }
        if (memberships.isEmpty()) {
            throw new InsufficientAuthenticationException("The user belongs to no workspace");
        }
        return memberships.getFirst();
    }
}
