package org.opennps.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.opennps.imports.ImportJob;
import org.opennps.imports.ImportService;
import org.opennps.shared.AdminPage;
import org.opennps.shared.InvalidInputException;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → Import: upload a file of past responses (Delighted's export, a mapped CSV or JSON
 * lines) and watch its progress, which the page polls with htmx while the import runs.
 */
@Controller
@AdminPage
class ImportPages {

    private final ImportService imports;

    ImportPages(ImportService imports) {
        this.imports = imports;
    }

    @GetMapping("/settings/imports")
    String list(WorkspaceAccess access, Model model) {
        model.addAttribute("imports", imports.list(access.workspaceId()));
        return "imports";
    }

    @PostMapping("/settings/imports")
    String upload(
            WorkspaceAccess access,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "delighted") String format,
            @RequestParam(required = false) String mapping,
            @RequestParam(name = "dry_run", defaultValue = "false") boolean dryRun,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "Choose a file to import.");
            model.addAttribute("imports", imports.list(access.workspaceId()));
            return "imports";
        }
        try (InputStream in = file.getInputStream()) {
            ImportJob job = imports.start(
                    access.workspaceId(),
                    new ImportService.Request(format, null, mapping, dryRun, file.getOriginalFilename()),
                    in);
            return "redirect:/settings/imports/" + job.id();
        } catch (InvalidInputException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("imports", imports.list(access.workspaceId()));
            return "imports";
        }
    }

    @GetMapping("/settings/imports/{id}")
    String detail(WorkspaceAccess access, @PathVariable UUID id, Model model) {
        model.addAttribute("job", imports.get(access.workspaceId(), id));
        return "import";
    }

    /** The progress panel alone, which the page fetches every two seconds while the import runs. */
    @GetMapping("/settings/imports/{id}/progress")
    String progress(WorkspaceAccess access, @PathVariable UUID id, Model model) {
        model.addAttribute("job", imports.get(access.workspaceId(), id));
        return "import :: progress";
    }
}
