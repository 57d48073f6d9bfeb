package org.opennps.workspace;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a secret API key. */
class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final WorkspaceAccess access;

    ApiKeyAuthentication(WorkspaceAccess access) {
        super(List.of(new SimpleGrantedAuthority("SCOPE_server_api")));
        this.access = access;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public WorkspaceAccess getPrincipal() {
        return access;
    }
}
