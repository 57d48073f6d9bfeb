package org.opennps.team;

import java.net.URI;
import java.util.ArrayList;
import java.util.UUID;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.opennps.shared.PageResult;
import org.opennps.workspace.Member;
import org.opennps.workspace.UserService;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Members of the key's workspace; who may call what is in the workspace module's access rules. */
@RestController
@RequestMapping("/api/v1/members")
class MembersController {

    private final TeamService team;
    private final UserService users;

    MembersController(TeamService team, UserService users) {
        this.team = team;
        this.users = users;
    }

    @GetMapping
    PageResult<Member> list(WorkspaceAccess access) {
        var members = team.members(access.workspaceId());
        return new PageResult<>(members, 1, Math.max(members.size(), 1), members.size());
    }

    @GetMapping("/{id}")
    Member get(WorkspaceAccess access, @PathVariable UUID id) {
        return users.member(access.workspaceId(), id);
    }

    @PostMapping
    ResponseEntity<Member> invite(WorkspaceAccess access, @RequestBody JsonNode body) {
        var violations = new ArrayList<FieldViolation>();
        var fields = JsonFields.of(body, "", violations);
        String email = fields.string("email", 254, true);
        String role = fields.string("role", 20, true);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Member member = team.invite(access.workspaceId(), email, UserService.role(role));
        return ResponseEntity.created(URI.create("/api/v1/members/" + member.id()))
                .body(member);
    }

    @PatchMapping("/{id}")
    Member change(WorkspaceAccess access, @PathVariable UUID id, @RequestBody JsonNode body) {
        var violations = new ArrayList<FieldViolation>();
        String role = JsonFields.of(body, "", violations).string("role", 20, true);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return users.changeRole(access.workspaceId(), id, UserService.role(role));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(WorkspaceAccess access, @PathVariable UUID id) {
        users.removeMember(access.workspaceId(), id);
        return ResponseEntity.noContent().build();
    }
}
