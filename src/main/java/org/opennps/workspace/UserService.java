package org.opennps.workspace;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.opennps.shared.ConflictException;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.TextRules;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** People who sign in to the admin UI; passwords are stored as bcrypt hashes. */
@Service
public class UserService implements UserDetailsService {

    /** Roles a member can have in a workspace. */
    public static final String ADMIN = "admin";

    public static final String MEMBER = "member";

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final Clock clock;

    UserService(UserRepository users, PasswordEncoder passwords, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional
    public UUID createUser(String email, String password, UUID workspaceId, String role) {
        if (email == null || !TextRules.isEmail(email)) {
            throw new InvalidInputException("email", "must be a valid e-mail address");
        }
        if (password == null || password.length() < 10) {
            throw new InvalidInputException("password", "must be at least 10 characters");
        }
        String normalised = TextRules.normaliseEmail(email);
        if (users.findByEmail(normalised).isPresent()) {
            throw new ConflictException("email", "A user with this e-mail exists already.");
        }
        UUID id = UUID.randomUUID();
        users.insert(id, normalised, passwords.encode(password), clock.instant());
        users.addMember(workspaceId, id, role);
        return id;
    }

    /** Makes an existing user a member of one more workspace (no-op when they are one already). */
    @Transactional
    public void addMember(UUID workspaceId, UUID userId, String role) {
        if (!users.memberIds(workspaceId).contains(userId)) {
            users.addMember(workspaceId, userId, role);
        }
    }

    /** The users who belong to a workspace. */
    public java.util.List<UUID> members(UUID workspaceId) {
        return users.memberIds(workspaceId);
    }

    /** The e-mail addresses of a workspace's users, sorted: who may own a case. */
    public java.util.List<String> memberEmails(UUID workspaceId) {
        return users.memberEmails(workspaceId);
    }

    @Override
    public SignedInUser loadUserByUsername(String username) {
        var user = users.findByEmail(username.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        var memberships = users.memberships(user.id());
        return new SignedInUser(
                user.id(),
                user.email(),
                user.passwordHash(),
                memberships.stream().map(UserRepository.Membership::workspaceId).toList(),
                memberships.stream().map(UserRepository.Membership::role).toList());
    }
}
