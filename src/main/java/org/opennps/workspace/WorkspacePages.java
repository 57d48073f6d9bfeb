package org.opennps.workspace;

import jakarta.servlet.http.HttpSession;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opennps.shared.AdminPage;
import org.opennps.shared.TextRules;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** New workspaces, for the installation's owners (see {@link AccessRules}); the creator owns it. */
@Controller
@AdminPage
class WorkspacePages {

    private final WorkspaceService workspaces;
    private final UserService users;

    WorkspacePages(WorkspaceService workspaces, UserService users) {
        this.workspaces = workspaces;
        this.users = users;
    }

    @GetMapping("/workspaces/new")
    String form(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("name", "", "time_zone", "UTC"));
        }
        return "workspace-new";
    }

    @PostMapping("/workspaces/new")
    @Transactional
    String create(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(name = "time_zone", defaultValue = "") String timeZone,
            HttpSession session,
            Model model,
            RedirectAttributes redirect) {
        var errors = new java.util.LinkedHashMap<String, String>();
        if (name.isBlank() || name.length() > 200 || TextRules.hasControlCharacters(name, false)) {
            errors.put("name", "Give the workspace a name of up to 200 characters.");
        }
        if (!TextRules.isTimeZone(timeZone.trim())) {
            errors.put("time_zone", "Use a time zone name such as Europe/Warsaw or UTC.");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("fieldErrors", errors);
            model.addAttribute("form", Map.of("name", name, "time_zone", timeZone));
            return "workspace-new";
        }
        CreatedWorkspace created = workspaces.create(slug(name), name.trim(), timeZone.trim(), false, null, true);
        users.addMember(created.workspace().id(), user.id(), UserService.OWNER);
        session.setAttribute(
                WorkspaceAccessResolver.SESSION_WORKSPACE, created.workspace().id());
        redirect.addFlashAttribute("newKey", created.apiKey());
        redirect.addFlashAttribute("message", "Workspace " + created.workspace().name() + " created. You own it.");
        return "redirect:/settings";
    }

    /** A readable, unique slug: the name's letters plus a short random suffix. */
    private static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        String base = ascii.isEmpty() ? "workspace" : ascii.substring(0, Math.min(40, ascii.length()));
        return base + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
