package io.vigil.remediation.runbook.adapter.web;

import io.vigil.remediation.runbook.application.RunbookVersions;
import io.vigil.remediation.runbook.application.Runbooks;
import io.vigil.remediation.runbook.application.StoredRunbook;
import io.vigil.remediation.runbook.domain.Runbook;
import io.vigil.starter.security.ApiCaller;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runbooks over REST. {@code PUT /v1/runbooks/{name}} takes the document as YAML or JSON; a document that differs
 * from the latest version becomes the next version, runs already started keep theirs.
 */
@RestController
class RunbookController {

    /** A runbook in force, in a list. */
    record RunbookSummary(String name, int version, String description, String mode, boolean dryRun,
            String service) {
    }

    /** One version of a runbook. */
    record RunbookVersionView(String name, int version, Instant createdAt, String createdBy, String source) {
    }

    /** What a save answers. */
    record Saved(String name, int version, boolean changed) {
    }

    private final Runbooks runbooks;
    private final RunbookVersions versions;

    RunbookController(Runbooks runbooks, RunbookVersions versions) {
        this.runbooks = runbooks;
        this.versions = versions;
    }

    @GetMapping("/v1/runbooks")
    List<RunbookSummary> list() {
        return runbooks.current().stream().map(v -> {
            Runbook r = v.runbook();
            return new RunbookSummary(r.name(), v.version(), r.description(), r.mode().name().toLowerCase(),
                    r.dryRun(), r.trigger().service());
        }).toList();
    }

    @GetMapping("/v1/runbooks/{name}")
    RunbookVersionView get(@PathVariable String name, @RequestParam(required = false) Integer version) {
        StoredRunbook stored = (version == null ? versions.latest(name) : versions.version(name, version))
                .orElseThrow(() -> new ResourceNotFound("runbook", version == null ? name : name + "@" + version));
        return view(stored);
    }

    @GetMapping("/v1/runbooks/{name}/versions")
    List<RunbookVersionView> history(@PathVariable String name) {
        List<StoredRunbook> history = versions.history(name);
        if (history.isEmpty()) {
            throw new ResourceNotFound("runbook", name);
        }
        return history.stream().map(RunbookController::view).toList();
    }

    @PutMapping(path = "/v1/runbooks/{name}", consumes = {"application/yaml", "application/x-yaml", "text/yaml",
            "application/json", "text/plain"})
    ResponseEntity<Saved> put(@PathVariable String name, @RequestBody String source,
            @AuthenticationPrincipal ApiCaller caller) {
        RunbookVersions.Saved saved = runbooks.save(name, source, caller == null ? "api" : caller.name());
        return ResponseEntity.status(saved.added() && saved.version() == 1 ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new Saved(name, saved.version(), saved.added()));
    }

    private static RunbookVersionView view(StoredRunbook stored) {
        return new RunbookVersionView(stored.name(), stored.version(), stored.createdAt(), stored.createdBy(),
                stored.source());
    }
}
