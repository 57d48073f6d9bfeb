package org.opennps.team;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.shared.AdminPage;
import org.opennps.shared.ConflictException;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.workspace.Role;
import org.opennps.workspace.UserService;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings → Members: the list, invitations, role changes and removal. */
@Controller
@AdminPage
class MemberPages {

    private static final List<String> ROLES = List.of(Role.OWNER, Role.ADMIN, Role.AGENT, Role.VIEWER).stream()
            .map(Role::code)
            .toList();

    private final TeamService team;
    private final UserService users;

    MemberPages(TeamService team, UserService users) {
        this.team = team;
        this.users = users;
    }

    @GetMapping("/settings/members")
    String members(WorkspaceAccess access, Model model) {
        model.addAttribute("members", team.members(access.workspaceId()));
        model.addAttribute("roles", ROLES);
        if (!model.containsAttribute("invite")) {
            model.addAttribute("invite", Map.of("email", "", "role", Role.AGENT.code()));
        }
        return "members";
    }

    @PostMapping("/settings/members")
    String invite(
            WorkspaceAccess access,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String role,
            Model model,
            RedirectAttributes redirect) {
        try {
            var member = team.invite(access.workspaceId(), email, UserService.role(role));
            redirect.addFlashAttribute("message", "Invitation sent to " + member.email() + ".");
            return "redirect:/settings/members";
        } catch (InvalidInputException e) {
            model.addAttribute("fieldErrors", byField(e.violations()));
        } catch (ConflictException e) {
            model.addAttribute("fieldErrors", Map.of(e.field(), e.getMessage()));
        }
        model.addAttribute("invite", Map.of("email", email, "role", role));
        return members(access, model);
    }

    @PostMapping("/settings/members/{id}/role")
    String changeRole(
            WorkspaceAccess access, @PathVariable UUID id, @RequestParam String role, RedirectAttributes redirect) {
        try {
            var member = users.changeRole(access.workspaceId(), id, UserService.role(role));
            redirect.addFlashAttribute(
                    "message", member.email() + " is now " + member.role().code() + ".");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/settings/members";
    }

    @PostMapping("/settings/members/{id}/remove")
    String remove(WorkspaceAccess access, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            var member = users.member(access.workspaceId(), id);
            users.removeMember(access.workspaceId(), id);
            redirect.addFlashAttribute(
                    "message", member.email() + " was removed. Their cases stay in the inbox, without an owner.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/settings/members";
    }

    private static Map<String, String> byField(List<FieldViolation> violations) {
        var map = new java.util.LinkedHashMap<String, String>();
        violations.forEach(v -> map.putIfAbsent(v.field(), Words.of(v.field(), v.message())));
        return map;
    }
}
