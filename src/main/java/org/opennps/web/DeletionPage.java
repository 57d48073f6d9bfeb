package org.opennps.web;

import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;

/** The page that asks before a survey or campaign is deleted, naming what goes with it. */
final class DeletionPage {

    private DeletionPage() {}

    static String render(
            Model model,
            String kind,
            String name,
            Map<String, Long> removed,
            List<String> blockers,
            String path,
            boolean archived) {
        model.addAttribute("kind", kind);
        model.addAttribute("name", name);
        model.addAttribute(
                "removed",
                removed.entrySet().stream().filter(e -> e.getValue() > 0).toList());
        model.addAttribute("blockers", blockers);
        model.addAttribute("path", path);
        model.addAttribute("archived", archived);
        return "confirm-delete";
    }
}
