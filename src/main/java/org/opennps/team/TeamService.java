package org.opennps.team;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.opennps.workspace.Member;
import org.opennps.workspace.MemberInvited;
import org.opennps.workspace.MemberProperties;
import org.opennps.workspace.Role;
import org.opennps.workspace.UserService;
import org.opennps.workspace.WorkspaceService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Entry point of the team module: inviting people (with their e-mail) and password resets. */
@Service
public class TeamService {

    private final UserService users;
    private final WorkspaceService workspaces;
    private final TeamMail mail;
    private final MemberProperties properties;

    TeamService(UserService users, WorkspaceService workspaces, TeamMail mail, MemberProperties properties) {
        this.users = users;
        this.workspaces = workspaces;
        this.mail = mail;
        this.properties = properties;
    }

    /** Invites a person and queues their invitation e-mail in the same transaction. */
    @Transactional
    public Member invite(UUID workspaceId, String email, Role role) {
        MemberInvited invited = users.invite(workspaceId, email, role);
        mail.invitation(
                workspaceId,
                workspaces.get(workspaceId).name(),
                invited.member().email(),
                invited.member().role().code(),
                invited.token(),
                words(properties.invitationValidFor()));
        return invited.member();
    }

    public List<Member> members(UUID workspaceId) {
        return users.memberList(workspaceId);
    }

    /** Queues a reset e-mail when the address belongs to someone who can sign in; silent otherwise. */
    @Transactional
    public void requestPasswordReset(String email) {
        users.requestPasswordReset(email).ifPresent(token -> {
            var user = users.signedInByEmail(email).orElseThrow();
            mail.passwordReset(user.workspaceIds().getFirst(), user.email(), token, words(properties.resetValidFor()));
        });
    }

    /** "7 days", "1 hour": how long a link works, in the e-mail's words. */
    static String words(Duration duration) {
        if (duration.toDays() >= 1 && duration.toHours() % 24 == 0) {
            long days = duration.toDays();
            return days + (days == 1 ? " day" : " days");
        }
        if (duration.toHours() >= 1 && duration.toMinutes() % 60 == 0) {
            long hours = duration.toHours();
            return hours + (hours == 1 ? " hour" : " hours");
        }
        long minutes = Math.max(1, duration.toMinutes());
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
