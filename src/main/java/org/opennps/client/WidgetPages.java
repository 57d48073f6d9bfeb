package org.opennps.client;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.opennps.shared.AdminPage;
import org.opennps.shared.InvalidInputException;
import org.opennps.workspace.Workspace;
import org.opennps.workspace.WorkspaceAccess;
import org.opennps.workspace.WorkspaceChange;
import org.opennps.workspace.WorkspaceService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settings → Widget and identity: the identity secret (whether one is set and since when;
 * rotating shows the new one once, never the stored one again), whether the client API insists
 * on signed identities, and the contact attributes the public key may set.
 */
@Controller
@AdminPage
class WidgetPages {

    private final IdentitySecrets secrets;
    private final ClientAttributes attributes;
    private final WorkspaceService workspaces;
    private final JsonMapper json;

    WidgetPages(IdentitySecrets secrets, ClientAttributes attributes, WorkspaceService workspaces, JsonMapper json) {
        this.secrets = secrets;
        this.attributes = attributes;
        this.workspaces = workspaces;
        this.json = json;
    }

    @GetMapping("/settings/widget")
    String page(WorkspaceAccess access, Model model) {
        Workspace workspace = workspaces.get(access.workspaceId());
        return render(model, workspace, String.join("\n", attributes.writable(workspace.id())), Map.of());
    }

    /** Creates the secret, or replaces it: sites signing with the old one are refused from now on. */
    @PostMapping("/settings/widget/identity-secret")
    String rotate(WorkspaceAccess access, RedirectAttributes redirect) {
        boolean had = secrets.info(access.workspaceId()).configured();
        redirect.addFlashAttribute(
                "newSecret", secrets.rotate(access.workspaceId()).secret());
        redirect.addFlashAttribute(
                "message",
                had
                        ? "A new identity secret replaces the old one: identities signed with the old one are refused from now on."
                        : "Identity secret created.");
        return "redirect:/settings/widget#identity";
    }

    @PostMapping("/settings/widget")
    String save(
            WorkspaceAccess access,
            @RequestParam(name = "signed_identity_required", defaultValue = "false") boolean required,
            @RequestParam(name = "writable_attributes", defaultValue = "") String writable,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Workspace workspace = workspaces.get(access.workspaceId());
        List<String> names = List.of(writable.split("[\\s,]+")).stream()
                .filter(n -> !n.isBlank())
                .toList();
        try {
            attributes.setWritable(workspace.id(), names);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, workspace, writable, Map.of("writable_attributes", plain(e, names)));
        }
        var body = json.createObjectNode();
        body.putObject("settings").put("signed_identity_required", required);
        workspaces.update(workspace.id(), new WorkspaceChange(body));
        redirect.addFlashAttribute("message", "Widget settings saved.");
        return "redirect:/settings/widget";
    }

    /** "“email” is reserved …; “a b” must be …", naming the typed names instead of list positions. */
    private static String plain(InvalidInputException e, List<String> names) {
        return String.join(
                        "; ",
                        e.violations().stream()
                                .map(v -> {
                                    var index = java.util.regex.Pattern.compile("\\[(\\d+)]")
                                            .matcher(v.field());
                                    return index.find()
                                            ? "“" + names.get(Integer.parseInt(index.group(1))) + "” " + v.message()
                                            : "The list " + v.message();
                                })
                                .toList())
                + ".";
    }

    private String render(Model model, Workspace workspace, String writable, Map<String, String> problems) {
        model.addAttribute("workspace", workspace);
        model.addAttribute("secret", secrets.info(workspace.id()));
        model.addAttribute("writable", writable);
        model.addAttribute("problems", problems);
        return "widget-settings";
    }
}
