package org.opennps.workspace;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.opennps.shared.ConflictException;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.NotFoundException;
import org.opennps.shared.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People who sign in to the admin UI and their roles in each workspace; passwords are stored
 * as bcrypt hashes, invitation and reset links as SHA-256 hashes of single-use tokens.
 */
@Service
public class UserService implements UserDetailsService {

    /** The roles, for callers that name one; see {@link Role}. */
    public static final Role OWNER = Role.OWNER;

    public static final Role ADMIN = Role.ADMIN;
    public static final Role AGENT = Role.AGENT;
    public static final Role VIEWER = Role.VIEWER;

    private static final int MIN_PASSWORD = 10;

    private final UserRepository users;
    private final AccountTokens tokens;
    private final PasswordEncoder passwords;
    private final MemberProperties properties;
    private final SsoProperties sso;
    private final SignInOptions signIn;
    private final WorkspaceRepository workspaces;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserService(
            UserRepository users,
            AccountTokens tokens,
            PasswordEncoder passwords,
            MemberProperties properties,
            SsoProperties sso,
            SignInOptions signIn,
            WorkspaceRepository workspaces,
            ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.properties = properties;
        this.sso = sso;
        this.signIn = signIn;
        this.workspaces = workspaces;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public UUID createUser(String email, String password, UUID workspaceId, Role role) {
        String normalised = checkedEmail(email);
        checkPassword(password);
        Role parsed = checkedRole(role);
        if (users.findByEmail(normalised).isPresent()) {
            throw new ConflictException("email", "A user with this e-mail exists already.");
        }
        UUID id = UUID.randomUUID();
        users.insert(id, normalised, passwords.encode(password), null, clock.instant(), true);
        users.addMember(workspaceId, id, parsed);
        return id;
    }

    /** The first person of an installation: owner of its first workspace, may create others. */
    @Transactional
    public UUID createInstallationOwner(String email, String password, UUID workspaceId) {
        UUID id = createUser(email, password, workspaceId, OWNER);
        users.makeInstallationOwner(id);
        return id;
    }

    /** Makes an existing user a member of one more workspace (no-op when they are one already). */
    @Transactional
    public void addMember(UUID workspaceId, UUID userId, Role role) {
        Role parsed = checkedRole(role);
        if (!users.memberIds(workspaceId).contains(userId)) {
            users.addMember(workspaceId, userId, parsed);
        }
    }

    /**
     * Invites a person to a workspace with a role. Someone new gets an account without a
     * password and a link token to set one; someone who can sign in already simply gains the
     * membership (no token). Inviting a current member again is a conflict.
     */
    @Transactional
    public MemberInvited invite(UUID workspaceId, String email, Role role) {
        String normalised = checkedEmail(email);
        Role parsed = checkedRole(role);
        var existing = users.findByEmail(normalised);
        UUID id;
        if (existing.isPresent()) {
            id = existing.get().id();
            if (users.memberIds(workspaceId).contains(id)) {
                throw new ConflictException("email", "This person is a member already.");
            }
        } else {
            id = UUID.randomUUID();
            users.insert(id, normalised, null, null, clock.instant(), false);
        }
        users.addMember(workspaceId, id, parsed);
        boolean needsPassword = existing.isEmpty() || !existing.get().active();
        String token = needsPassword
                ? tokens.issue(
                        id, AccountTokens.INVITATION, workspaceId, clock.instant(), properties.invitationValidFor())
                : null;
        return new MemberInvited(users.member(workspaceId, id).orElseThrow(), token);
    }

    /** The members of a workspace with their roles, by e-mail. */
    public List<Member> memberList(UUID workspaceId) {
        return users.members(workspaceId);
    }

    public Member member(UUID workspaceId, UUID userId) {
        return users.member(workspaceId, userId).orElseThrow(() -> new NotFoundException("Member"));
    }

    /** Changes a member's role; the last owner cannot step down. */
    @Transactional
    public Member changeRole(UUID workspaceId, UUID userId, Role role) {
        Role parsed = checkedRole(role);
        Member current = member(workspaceId, userId);
        if (current.role() == Role.OWNER && parsed != Role.OWNER && users.countOwners(workspaceId) <= 1) {
            throw new ConflictException("role", "A workspace needs at least one owner.");
        }
        users.updateRole(workspaceId, userId, parsed);
        return member(workspaceId, userId);
    }

    /** Removes a member; the last owner cannot be removed. Their cases stay, without an owner. */
    @Transactional
    public void removeMember(UUID workspaceId, UUID userId) {
        Member current = member(workspaceId, userId);
        if (current.role() == Role.OWNER && users.countOwners(workspaceId) <= 1) {
            throw new ConflictException("id", "A workspace needs at least one owner.");
        }
        users.removeMember(workspaceId, userId);
        events.publishEvent(new MemberRemoved(workspaceId, userId, current.email()));
    }

    /**
     * A password reset link token for the person with this e-mail, when they can sign in;
     * empty otherwise (the caller answers the same either way, so addresses cannot be probed).
     */
    @Transactional
    public Optional<String> requestPasswordReset(String email) {
        if (email == null || !TextRules.isEmail(email)) {
            return Optional.empty();
        }
        return users.findByEmail(TextRules.normaliseEmail(email))
                .filter(u -> !users.memberships(u.id()).isEmpty())
                .map(u -> tokens.issue(u.id(), AccountTokens.RESET, null, clock.instant(), properties.resetValidFor()));
    }

    /** The e-mail address a valid, unused link belongs to. */
    public Optional<String> linkOwner(String token) {
        return tokens.find(token, clock.instant())
                .flatMap(t -> users.findById(t.userId()))
                .map(UserRepository.UserRow::email);
    }

    /** Sets the password through a link and uses the link up; returns the user's e-mail. */
    @Transactional
    public String setPasswordWithLink(String token, String password) {
        checkPassword(password);
        var link = tokens.find(token, clock.instant())
                .orElseThrow(() -> new InvalidInputException("token", "This link has expired or was used already."));
        if (!tokens.use(token, clock.instant())) {
            throw new InvalidInputException("token", "This link has expired or was used already.");
        }
        users.setPassword(link.userId(), passwords.encode(password), clock.instant());
        return users.findById(link.userId()).orElseThrow().email();
    }

    /** The role of a user in a workspace, if they are a member. */
    public Optional<Role> roleIn(UUID workspaceId, UUID userId) {
        return users.memberships(userId).stream()
                .filter(m -> m.workspaceId().equals(workspaceId))
                .findFirst()
                .map(UserRepository.Membership::role);
    }

    /** Whether the user may create workspaces. */
    public boolean isInstallationOwner(UUID userId) {
        return users.findById(userId)
                .map(UserRepository.UserRow::installationOwner)
                .orElse(false);
    }

    /** The users who belong to a workspace. */
    public List<UUID> members(UUID workspaceId) {
        return users.memberIds(workspaceId);
    }

    /** The e-mail addresses of a workspace's users, sorted: who may own a case. */
    public List<String> memberEmails(UUID workspaceId) {
        return users.memberEmails(workspaceId);
    }

    @Override
    public SignedInUser loadUserByUsername(String username) {
        if (!signIn.passwordSignIn()) {
            throw new UsernameNotFoundException("password sign-in is switched off");
        }
        var user = users.findByEmail(username.trim().toLowerCase(Locale.ROOT))
                .filter(u -> u.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return signedIn(user);
    }

    /**
     * A person the single sign-on provider vouched for: matched by e-mail (which the provider
     * must not call unverified), created when new, and given the default membership
     * ({@code opennps.sso.*}) when they belong to no workspace. Empty when they cannot be let in.
     */
    @Transactional
    public Optional<SignedInUser> signInWithSso(String email, Boolean emailVerified, String name) {
        if (email == null || !TextRules.isEmail(email) || Boolean.FALSE.equals(emailVerified)) {
            return Optional.empty();
        }
        String normalised = TextRules.normaliseEmail(email);
        var user = users.findByEmail(normalised);
        UUID id;
        if (user.isEmpty()) {
            id = UUID.randomUUID();
            String shown = name == null || name.isBlank() ? null : name.strip();
            users.insert(
                    id,
                    normalised,
                    null,
                    shown != null && shown.length() > 200 ? shown.substring(0, 200) : shown,
                    clock.instant(),
                    true);
        } else {
            id = user.get().id();
            users.activate(id, clock.instant());
        }
        if (users.memberships(id).isEmpty()) {
            var workspace = workspaces.findBySlug(sso.defaultWorkspace());
            if (workspace.isEmpty()) {
                return Optional.empty();
            }
            users.addMember(
                    workspace.get().id(), id, Role.parse(sso.defaultRole()).orElse(Role.VIEWER));
        }
        return users.findById(id).map(this::signedIn);
    }

    /** The signed-in form of a user known by e-mail (single sign-on has no password to check). */
    public Optional<SignedInUser> signedInByEmail(String email) {
        return users.findByEmail(TextRules.normaliseEmail(email)).map(this::signedIn);
    }

    SignedInUser signedIn(UserRepository.UserRow user) {
        var memberships = users.memberships(user.id());
        return new SignedInUser(
                user.id(),
                user.email(),
                user.passwordHash() == null ? "" : user.passwordHash(),
                memberships.stream().map(UserRepository.Membership::workspaceId).toList(),
                memberships.stream().map(UserRepository.Membership::role).toList());
    }

    /** Fresh from the database on every request, so a changed role or a removal applies at once. */
    List<UserRepository.Membership> memberships(UUID userId) {
        return users.memberships(userId);
    }

    private static String checkedEmail(String email) {
        if (email == null || !TextRules.isEmail(email)) {
            throw new InvalidInputException("email", "must be a valid e-mail address");
        }
        return TextRules.normaliseEmail(email);
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInputException("password", "must be at least " + MIN_PASSWORD + " characters");
        }
        if (password.length() > 200) {
            throw new InvalidInputException("password", "must be at most 200 characters");
        }
    }

    /** A role given by a person: null answers 422 like an unknown word. */
    private static Role checkedRole(Role role) {
        if (role == null) {
            throw new InvalidInputException("role", ROLE_WORDS);
        }
        return role;
    }

    /**
     * The role a request names (trimmed, any case).
     *
     * @throws InvalidInputException naming {@code role} for null or an unknown word
     */
    public static Role role(String word) {
        return Role.parse(word).orElseThrow(() -> new InvalidInputException("role", ROLE_WORDS));
    }

    private static final String ROLE_WORDS = "must be one of owner, admin, agent, viewer";
}
