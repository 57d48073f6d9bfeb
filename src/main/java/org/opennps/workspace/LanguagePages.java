package org.opennps.workspace;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opennps.shared.AdminPage;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Settings → Languages: the language of contacts who have none, and the workspace's own wording
 * of every respondent-visible text, one language at a time (the same overrides as
 * {@code PUT /api/v1/workspace/texts}). A form with a mistake comes back as typed.
 */
@Controller
@AdminPage
class LanguagePages {

    /** Field name prefix of one text in the form: {@code t.respond.submit}. */
    static final String TEXT = "t.";

    private final WorkspaceService workspaces;
    private final RespondentTexts texts;
    private final JsonMapper json;
    private final List<String> keys;

    LanguagePages(WorkspaceService workspaces, RespondentTexts texts, JsonMapper json) {
        this.workspaces = workspaces;
        this.texts = texts;
        this.json = json;
        this.keys = shippedKeys();
    }

    @GetMapping("/settings/languages")
    String page(WorkspaceAccess access, @RequestParam(required = false) String locale, Model model) {
        Workspace workspace = workspaces.get(access.workspaceId());
        String chosen = chosen(locale, workspace);
        Map<String, String> own = texts.overrides(workspace.id()).getOrDefault(chosen, Map.of());
        return render(model, workspace, workspace.settings().defaultLocale(), chosen, own, Map.of());
    }

    @PostMapping("/settings/languages")
    String saveDefault(
            WorkspaceAccess access,
            @RequestParam(name = "default_locale", defaultValue = "") String defaultLocale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Workspace workspace = workspaces.get(access.workspaceId());
        var body = json.createObjectNode();
        body.putObject("settings").put("default_locale", defaultLocale.strip());
        try {
            if (defaultLocale.isBlank()) {
                throw new InvalidInputException("default_locale", "blank");
            }
            workspaces.update(workspace.id(), new WorkspaceChange(body));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            String chosen = chosen(null, workspace);
            return render(
                    model,
                    workspace,
                    defaultLocale,
                    chosen,
                    texts.overrides(workspace.id()).getOrDefault(chosen, Map.of()),
                    Map.of("default_locale", "Enter a language code such as en, pl or pt-BR."));
        }
        redirect.addFlashAttribute("message", "Default language saved.");
        return "redirect:/settings/languages";
    }

    /** Replaces the workspace's wording in one language; the other languages keep theirs. */
    @PostMapping("/settings/languages/texts")
    String saveTexts(
            WorkspaceAccess access,
            @RequestParam(defaultValue = "") String locale,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Workspace workspace = workspaces.get(access.workspaceId());
        Map<String, String> typed = new LinkedHashMap<>();
        for (String key : keys) {
            String value = params.getFirst(TEXT + key);
            if (value != null && !value.isBlank()) {
                typed.put(key, value);
            }
        }
        Map<String, Map<String, String>> all = new TreeMap<>(texts.overrides(workspace.id()));
        all.put(locale, typed);
        try {
            texts.replace(workspace.id(), all);
        } catch (InvalidInputException e) {
            Map<String, String> problems = new LinkedHashMap<>();
            for (FieldViolation v : e.violations()) {
                String key = v.field().startsWith(locale + ".") ? v.field().substring(locale.length() + 1) : "locale";
                problems.putIfAbsent(
                        key.equals("locale") ? "locale" : TEXT + key,
                        key.equals("locale")
                                ? "Choose a language code such as en, pl or pt-BR."
                                : "Use at most 2000 characters, without control characters.");
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(model, workspace, workspace.settings().defaultLocale(), locale, typed, problems);
        }
        redirect.addFlashAttribute(
                "message",
                "Wording saved: " + typed.size() + (typed.size() == 1 ? " text" : " texts") + " of your own.");
        return "redirect:/settings/languages?locale=" + locale;
    }

    private String render(
            Model model,
            Workspace workspace,
            String defaultLocale,
            String chosen,
            Map<String, String> own,
            Map<String, String> problems) {
        Wording shipped = texts.wording(null, chosen.isEmpty() ? "en" : chosen);
        List<Text> rows = new ArrayList<>();
        for (String key : keys) {
            rows.add(new Text(key, TEXT + key, shipped.text(key), own.getOrDefault(key, "")));
        }
        TreeSet<String> languages = new TreeSet<>(Wording.SHIPPED);
        languages.addAll(texts.overrides(workspace.id()).keySet());
        languages.remove("");
        model.addAttribute("workspace", workspace);
        model.addAttribute("defaultLocale", defaultLocale);
        model.addAttribute("chosen", chosen);
        model.addAttribute("languages", languages);
        model.addAttribute("shippedLanguages", new TreeSet<>(Wording.SHIPPED));
        model.addAttribute("texts", rows);
        model.addAttribute("problems", problems);
        return "languages";
    }

    /** One respondent-visible text: its key, form field, shipped wording and the workspace's own. */
    record Text(String key, String field, String shipped, String own) {}

    private static String chosen(String locale, Workspace workspace) {
        if (locale == null) {
            return workspace.settings().defaultLocale() == null
                    ? "en"
                    : workspace.settings().defaultLocale();
        }
        return locale.strip();
    }

    /** Every key of the shipped English bundle, sorted. */
    private static List<String> shippedKeys() {
        Properties bundle = new Properties();
        try (var in = new ClassPathResource("i18n/respond.properties").getInputStream()) {
            bundle.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSet<>(bundle.stringPropertyNames()).stream().toList();
    }
}
