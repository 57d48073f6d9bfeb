package org.opennps.workspace;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.UUID;
import org.opennps.shared.AdminPage;
import org.opennps.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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
        model.addAttribute("workspace", workspaces.get(access.workspaceId()));
        model.addAttribute("apiKeys", workspaces.apiKeys(access.workspaceId()));
        return "settings";
    }

    /** The settings form: the same validation as PATCH /api/v1/workspace. */
    @PostMapping("/settings")
    String save(
            WorkspaceAccess access,
            @RequestParam String name,
            @RequestParam(name = "time_zone") String timeZone,
            @RequestParam(name = "recontact_after_response") String afterResponse,
            @RequestParam(name = "recontact_after_invitation") String afterInvitation,
            @RequestParam(name = "invitation_expiry") String expiry,
            @RequestParam(name = "sender_name", defaultValue = "") String senderName,
            @RequestParam(name = "sender_email", defaultValue = "") String senderEmail,
            @RequestParam(name = "brand_color") String brandColor,
            @RequestParam(name = "allowed_origins", defaultValue = "") String origins,
            @RequestParam(name = "one_click_confirmation", defaultValue = "false") boolean oneClick,
            @RequestParam(name = "display_name", required = false) String displayName,
            @RequestParam(name = "logo_url", required = false) String logoUrl,
            RedirectAttributes redirect) {
        ObjectNode body = json.createObjectNode().put("name", name).put("time_zone", timeZone);
        ObjectNode settings = body.putObject("settings")
                .put("recontact_after_response", afterResponse)
                .put("recontact_after_invitation", afterInvitation)
                .put("invitation_expiry", expiry)
                .put("brand_color", brandColor)
                .put("one_click_confirmation", oneClick);
        settings.put("sender_name", senderName.isBlank() ? null : senderName);
        settings.put("sender_email", senderEmail.isBlank() ? null : senderEmail);
        // The brand respondents see; fields left out of the form keep their values.
        if (displayName != null) {
            settings.put("display_name", displayName.isBlank() ? null : displayName.strip());
        }
        if (logoUrl != null) {
            settings.put("logo_url", logoUrl.isBlank() ? null : logoUrl.strip());
        }
        var list = settings.putArray("allowed_origins");
        List.of(origins.split("[\\s,]+")).stream().filter(o -> !o.isBlank()).forEach(list::add);
        try {
            workspaces.update(access.workspaceId(), new WorkspaceChange(body));
            redirect.addFlashAttribute("message", "Settings saved.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errors", e.violations());
        }
        return "redirect:/settings";
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
