package org.opennps.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one table of who may do what: path patterns and methods to the least role a member (or
 * an API key) needs. The first matching rule decides. A full API key counts as an owner of its
 * workspace, a read-only key as a viewer, who may only read. Applied to the admin UI and the API
 * by {@link SecurityConfig}; controllers do not check roles themselves.
 */
@Component
class AccessRules implements AuthorizationManager<RequestAuthorizationContext> {

    /** What a request needs: a role in the current workspace, or the installation's owner. */
    enum Need {
        VIEWER,
        AGENT,
        ADMIN,
        OWNER,
        INSTALLATION_OWNER
    }

    record Rule(Set<HttpMethod> methods, PathPattern pattern, Need need) {
        boolean matches(HttpMethod method, PathContainer path) {
            return (methods.isEmpty() || methods.contains(method)) && pattern.matches(path);
        }
    }

    /** Request attribute holding the signed-in user's {@link CurrentMember} for this request. */
    static final String CURRENT_MEMBER = AccessRules.class.getName() + ".member";

    private static final Set<HttpMethod> ANY = Set.of();
    private static final Set<HttpMethod> READ = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final Set<HttpMethod> WRITE =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    static final List<Rule> RULES = List.of(
            // Members and keys: owners only.
            rule(READ, "/api/v1/members/**", Need.ADMIN),
            rule(ANY, "/api/v1/members/**", Need.OWNER),
            rule(ANY, "/api/v1/api-keys/**", Need.OWNER),
            rule(READ, "/settings/members", Need.ADMIN),
            rule(ANY, "/settings/members/**", Need.OWNER),
            rule(ANY, "/settings/api-keys/**", Need.OWNER),
            rule(ANY, "/workspaces/new", Need.INSTALLATION_OWNER),
            // Cases and replies to customers: agents.
            rule(WRITE, "/api/v1/cases/**", Need.AGENT),
            rule(WRITE, "/responses/*/case/**", Need.AGENT),
            rule(WRITE, "/cases/**", Need.AGENT),
            // Reading and harmless posts anyone in the workspace may make.
            rule(Set.of(HttpMethod.POST), "/workspace/switch", Need.VIEWER),
            rule(Set.of(HttpMethod.POST), "/surveys/*/preview", Need.VIEWER),
            rule(Set.of(HttpMethod.POST), "/campaigns/*/preview", Need.VIEWER),
            // Configuration pages: admins, also for reading them.
            rule(ANY, "/settings/**", Need.ADMIN),
            rule(ANY, "/settings", Need.ADMIN),
            // Everything else: anyone may read, writing configures the workspace.
            rule(READ, "/**", Need.VIEWER),
            rule(ANY, "/**", Need.ADMIN));

    private final UserService users;

    AccessRules(UserService users) {
        this.users = users;
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        Need need = needOf(request);
        Authentication auth = authentication.get();
        if (auth instanceof ApiKeyAuthentication key) {
            Role role = key.readOnly() ? Role.VIEWER : Role.OWNER;
            boolean write = !READ.contains(HttpMethod.valueOf(request.getMethod()));
            return new AuthorizationDecision(need != Need.INSTALLATION_OWNER
                    && role.atLeast(Role.valueOf(need.name()))
                    && !(write && key.readOnly()));
        }
        if (auth == null || !(auth.getPrincipal() instanceof SignedInUser user)) {
            return new AuthorizationDecision(false);
        }
        CurrentMember member = currentMember(request, user.id());
        if (member == null) {
            return new AuthorizationDecision(false);
        }
        request.setAttribute(CURRENT_MEMBER, member);
        if (need == Need.INSTALLATION_OWNER) {
            return new AuthorizationDecision(users.isInstallationOwner(user.id()));
        }
        return new AuthorizationDecision(member.role().atLeast(Role.valueOf(need.name())));
    }

    /** The need of the first rule matching the request. */
    static Need needOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        PathContainer container = PathContainer.parsePath(path);
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        return RULES.stream()
                .filter(r -> r.matches(method, container))
                .findFirst()
                .map(Rule::need)
                .orElse(Need.OWNER);
    }

    /** The workspace chosen in the session (else the first) and the user's role in it, read fresh. */
    private CurrentMember currentMember(HttpServletRequest request, UUID userId) {
        var memberships = users.memberships(userId);
        if (memberships.isEmpty()) {
            return null;
        }
        HttpSession session = request.getSession(false);
        Object chosen = session == null ? null : session.getAttribute(WorkspaceAccessResolver.SESSION_WORKSPACE);
        var membership = memberships.stream()
                .filter(m -> m.workspaceId().equals(chosen))
                .findFirst()
                .orElse(memberships.getFirst());
        return new CurrentMember(
                membership.workspaceId(),
                membership.role(),
                memberships.stream().map(UserRepository.Membership::workspaceId).toList());
    }

    private static Rule rule(Set<HttpMethod> methods, String pattern, Need need) {
        return new Rule(methods, PathPatternParser.defaultInstance.parse(pattern), need);
    }
}
