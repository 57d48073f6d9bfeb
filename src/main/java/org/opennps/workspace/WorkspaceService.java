package org.opennps.workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opennps.shared.ConflictException;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Entry point of the workspace module: tenants, their settings and their keys. */
@Service
public class WorkspaceService {

    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final WorkspaceRepository workspaces;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Map<UUID, Instant> lastTouched = new ConcurrentHashMap<>();

    WorkspaceService(WorkspaceRepository workspaces, Clock clock, ApplicationEventPublisher events) {
        this.workspaces = workspaces;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Creates a workspace and its first API key. {@code apiKey} is the key to use, or null to
     * generate one (bootstrap passes the operator's key).
     */
    @Transactional
    public CreatedWorkspace create(String slug, String name, String timeZone, boolean demo, String apiKey) {
        return create(slug, name, timeZone, demo, apiKey, false);
    }

    /**
     * Creates a workspace; with {@code starterSetup} (the first start and the app's "new
     * workspace") modules add their starting configuration, announced by {@link WorkspaceCreated}.
     */
    @Transactional
    public CreatedWorkspace create(
            String slug, String name, String timeZone, boolean demo, String apiKey, boolean starterSetup) {
        if (workspaces.findBySlug(slug).isPresent()) {
            throw new ConflictException("slug", "A workspace '" + slug + "' exists already.");
        }
        Workspace workspace = new Workspace(
                UUID.randomUUID(),
                slug,
                name,
                Secrets.newPublicKey(),
                timeZone,
                WorkspaceSettings.defaults(),
                demo,
                clock.instant());
        workspaces.insert(workspace);
        IssuedApiKey key = issueKey(workspace.id(), "default", apiKey, ApiKeyInfo.FULL);
        events.publishEvent(new WorkspaceCreated(workspace.id(), starterSetup));
        return new CreatedWorkspace(workspace, key);
    }

    public Workspace get(UUID id) {
        return workspaces.find(id).orElseThrow(() -> new NotFoundException("Workspace"));
    }

    public Optional<Workspace> find(UUID id) {
        return workspaces.find(id);
    }

    public Optional<Workspace> findBySlug(String slug) {
        return workspaces.findBySlug(slug);
    }

    public Optional<Workspace> findByPublicKey(String publicKey) {
        return workspaces.findByPublicKey(publicKey);
    }

    public List<Workspace> all() {
        return workspaces.findAll();
    }

    public boolean anyExists() {
        return workspaces.any();
    }

    /** Applies the change; a new time zone is announced with {@link WorkspaceTimeZoneChanged}. */
    @Transactional
    public Workspace update(UUID id, WorkspaceChange change) {
        Workspace current = get(id);
        Workspace updated = change.applyTo(current);
        workspaces.update(updated);
        if (!current.timeZone().equals(updated.timeZone())) {
            events.publishEvent(new WorkspaceTimeZoneChanged(id, current.timeZone(), updated.timeZone()));
        }
        return updated;
    }

    @Transactional
    public void delete(UUID id) {
        workspaces.delete(id);
    }

    /** The workspace a secret API key belongs to, if the key is valid and not revoked. */
    public Optional<WorkspaceAccess> authenticate(String apiKey) {
        return authenticateKey(apiKey).map(KeyAccess::access);
    }

    /** A valid key's workspace access and whether the key is read-only. */
    record KeyAccess(WorkspaceAccess access, boolean readOnly) {}

    Optional<KeyAccess> authenticateKey(String apiKey) {
        if (apiKey == null || apiKey.length() < 16 || apiKey.length() > 200) {
            return Optional.empty();
        }
        Optional<KeyAccess> access = workspaces.findAccessByKeyHash(Secrets.sha256(apiKey));
        access.ifPresent(a -> touch(a.access().apiKeyId()));
        return access;
    }

    /** Whether the string is some workspace's public key (which has no access to the server API). */
    public boolean isPublicKey(String key) {
        return key != null
                && key.startsWith(Secrets.PUBLIC_KEY_PREFIX)
                && findByPublicKey(key).isPresent();
    }

    @Transactional
    public IssuedApiKey createApiKey(UUID workspaceId, String name) {
        return createApiKey(workspaceId, name, ApiKeyInfo.FULL);
    }

    /** A new key of scope {@code full} or {@code read}. */
    @Transactional
    public IssuedApiKey createApiKey(UUID workspaceId, String name, String scope) {
        get(workspaceId);
        if (!ApiKeyInfo.FULL.equals(scope) && !ApiKeyInfo.READ.equals(scope)) {
            throw new InvalidInputException("scope", "must be full or read");
        }
        return issueKey(workspaceId, name, null, scope);
    }

    public List<ApiKeyInfo> apiKeys(UUID workspaceId) {
        return workspaces.keys(workspaceId);
    }

    @Transactional
    public void revokeApiKey(UUID workspaceId, UUID keyId) {
        if (workspaces.revokeKey(workspaceId, keyId, clock.instant()) == 0) {
            throw new NotFoundException("API key");
        }
    }

    private IssuedApiKey issueKey(UUID workspaceId, String name, String chosenKey, String scope) {
        String key = chosenKey != null ? chosenKey : Secrets.newApiKey();
        if (key.length() < 16) {
            throw new InvalidInputException("api_key", "must be at least 16 characters");
        }
        ApiKeyInfo info =
                new ApiKeyInfo(UUID.randomUUID(), name, Secrets.displayPrefix(key), scope, clock.instant(), null, null);
        workspaces.insertKey(workspaceId, info, Secrets.sha256(key));
        return new IssuedApiKey(info, key);
    }

    /** Records use at most once a minute per key, so authentication does not write on every call. */
    private void touch(UUID keyId) {
        Instant now = clock.instant();
        Instant previous = lastTouched.get(keyId);
        if (previous == null || previous.plus(TOUCH_INTERVAL).isBefore(now)) {
            lastTouched.put(keyId, now);
            workspaces.touchKey(keyId, now);
        }
    }
}
