package org.opennps.workspace;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a secret API key. */
class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final WorkspaceAccess access;
    private final boolean readOnly;

    ApiKeyAuthentication(WorkspaceAccess access, boolean readOnly) {
        super(List.of(new SimpleGrantedAuthority("SCOPE_server_api")));
        this.access = access;
        this.readOnly = readOnly;
        setAuthenticated(true);
    }

    /** A key of scope {@code read}: every write is refused. */
    boolean readOnly() {
        return readOnly;
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
