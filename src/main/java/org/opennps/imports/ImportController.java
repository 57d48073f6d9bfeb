package org.opennps.imports;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.shared.InvalidInputException;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/** {@code /api/v1/imports}: upload a file of past responses, then watch its import. */
@RestController
class ImportController {

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    /**
     * The file is the body ({@code text/csv}, {@code application/x-ndjson}) or the multipart
     * field {@code file}; {@code mapping} may also come as a form field. Answers 202 at once: the
     * import runs in the background.
     */
    @PostMapping("/api/v1/imports")
    ResponseEntity<Map<String, Object>> start(
            WorkspaceAccess access,
            HttpServletRequest request,
            @RequestParam(required = false) String format,
            @RequestParam(name = "dry_run", required = false) String dryRun,
            @RequestParam(name = "survey_id", required = false) String surveyId,
            @RequestParam(required = false) String mapping)
            throws IOException, ServletException {
        boolean dry = flag(dryRun);
        UUID survey = null;
        if (surveyId != null && !surveyId.isBlank()) {
            try {
                survey = UUID.fromString(surveyId.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("survey_id", "is not a survey of this workspace");
            }
        }
        String type = request.getContentType();
        InputStream file;
        String name = null;
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart != null) {
            MultipartFile part = multipart.getFile("file");
            if (part == null) {
                throw new InvalidInputException("file", "is required (multipart field file)");
            }
            file = part.getInputStream();
            name = part.getOriginalFilename();
        } else if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            throw new InvalidInputException("file", "is required (multipart field file)");
        } else {
            file = request.getInputStream();
        }
        try (InputStream in = file) {
            ImportJob job = imports.start(
                    access.workspaceId(), new ImportService.Request(format, survey, mapping, dry, name), in);
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .location(URI.create("/api/v1/imports/" + job.id()))
                    .body(Map.of("id", job.id(), "status", job.status().code()));
        }
    }

    @GetMapping("/api/v1/imports/{id}")
    ImportJob get(WorkspaceAccess access, @PathVariable UUID id) {
        return imports.get(access.workspaceId(), id);
    }

    @GetMapping("/api/v1/imports")
    Map<String, List<ImportJob>> list(WorkspaceAccess access) {
        return Map.of("items", imports.list(access.workspaceId()));
    }

    private static boolean flag(String text) {
        if (text == null || text.isBlank() || text.equals("false") || text.equals("0")) {
            return false;
        }
        if (text.equals("true") || text.equals("1")) {
            return true;
        }
        throw new InvalidInputException("dry_run", "must be true or false");
    }
}
