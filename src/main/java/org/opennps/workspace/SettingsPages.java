package org.opennps.workspace;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.opennps.shared.AdminPage;
import org.opennps.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Workspace settings, API keys and the public key, for admins in the browser. */
@Controller
@AdminPage
class SettingsPages {

    private final WorkspaceService workspaces;
    private final UserService users;
    private final JsonMapper json;

    SettingsPages(WorkspaceService workspaces, UserService users, JsonMapper json) {
        this.workspaces = workspaces;
        this.users = users;
        this.json = json;
    }

    @GetMapping("/settings")
    String settings(WorkspaceAccess access, Model model) {
        Workspace workspace = workspaces.get(access.workspaceId());
        return page(model, workspace, SettingsForm.of(workspace), Map.of());
    }

    /**
     * The settings form: the same validation as PATCH /api/v1/workspace. A form with a mistake
     * comes back as typed (422), each problem in words next to its field, and nothing is saved.
     */
    @PostMapping("/settings")
    String save(
            WorkspaceAccess access,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Workspace current = workspaces.get(access.workspaceId());
        SettingsForm form = SettingsForm.read(params);
        Map<String, String> problems = new LinkedHashMap<>();
        WorkspaceChange change = new WorkspaceChange(form.toJson(json, problems));
        try {
            change.applyTo(current); // checks every other field too, saving nothing
            if (problems.isEmpty()) {
                workspaces.update(access.workspaceId(), change);
                redirect.addFlashAttribute("message", "Settings saved.");
                return "redirect:/settings";
            }
        } catch (InvalidInputException e) {
            SettingsForm.problems(e.violations()).forEach(problems::putIfAbsent);
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(model, current, form, problems);
    }

    private String page(Model model, Workspace workspace, SettingsForm form, Map<String, String> problems) {
        model.addAttribute("workspace", workspace);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("apiKeys", workspaces.apiKeys(workspace.id()));
        return "settings";
    }

    /**
     * Deletes the current workspace if it is a demo one; everything in it goes with it (every
     * table that names a workspace deletes its rows on cascade).
     */
    @PostMapping("/settings/delete-demo")
    String deleteDemo(WorkspaceAccess access, HttpSession session, RedirectAttributes redirect) {
        Workspace current = workspaces.get(access.workspaceId());
        if (!current.demo()) {
            redirect.addFlashAttribute("message", "Only a demo workspace can be deleted here.");
            return "redirect:/settings";
        }
        workspaces.delete(current.id());
        session.removeAttribute(WorkspaceAccessResolver.SESSION_WORKSPACE);
        redirect.addFlashAttribute("message", "The demo workspace was deleted.");
        return "redirect:/";
    }

    /** Switches the signed-in user to another of their workspaces for this session. */
    @PostMapping("/workspace/switch")
    String switchTo(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "workspace_id") UUID workspaceId,
            HttpSession session) {
        if (users.roleIn(workspaceId, user.id()).isPresent()
                && workspaces.find(workspaceId).isPresent()) {
            session.setAttribute(WorkspaceAccessResolver.SESSION_WORKSPACE, workspaceId);
        }
        return "redirect:/";
    }

    @PostMapping("/settings/api-keys")
    String createKey(
            WorkspaceAccess access,
            @RequestParam String name,
            @RequestParam(defaultValue = ApiKeyInfo.FULL) String scope,
            RedirectAttributes redirect) {
        try {
            IssuedApiKey key =
                    workspaces.createApiKey(access.workspaceId(), name.isBlank() ? "unnamed" : name.trim(), scope);
            redirect.addFlashAttribute("newKey", key);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.violations());
        }
        return "redirect:/settings#api-keys";
    }

    @PostMapping("/settings/api-keys/{id}/revoke")
    String revoke(WorkspaceAccess access, @PathVariable UUID id, RedirectAttributes redirect) {
        workspaces.revokeApiKey(access.workspaceId(), id);
        redirect.addFlashAttribute("message", "The key was revoked.");
        return "redirect:/settings#api-keys";
    }
}
