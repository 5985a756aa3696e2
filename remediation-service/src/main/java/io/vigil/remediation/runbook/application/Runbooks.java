package io.vigil.remediation.runbook.application;

import io.vigil.remediation.runbook.domain.Runbook;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The runbooks in force and their history. A stored version never changes, so its parsed form is kept in memory
 * once read.
 */
@Service
public class Runbooks {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Runbooks.class);

    /** A runbook version, read. */
    public record Versioned(int version, Runbook runbook) {
    }

    private final RunbookVersions versions;
    private final RunbookReader reader;
    private final Clock clock;
    private final Map<String, Runbook> parsed = new ConcurrentHashMap<>();

    public Runbooks(RunbookVersions versions, RunbookReader reader, Clock clock) {
        this.versions = versions;
        this.reader = reader;
        this.clock = clock;
    }

    /**
     * Stores a runbook as its next version when it differs from the latest.
     *
     * @throws InvalidRunbook listing every problem; nothing is stored
     */
    @Transactional
    public RunbookVersions.Saved save(String name, String source, String savedBy) {
        reader.read(source, name);
        return versions.saveIfChanged(name, source, savedBy, clock.instant());
    }

    /** The given version, read; versions are immutable, so this never changes for a pair. */
    public Runbook runbook(String name, int version) {
        String key = name + "@" + version;
        Runbook runbook = parsed.get(key);
        if (runbook == null) {
            StoredRunbook stored = versions.version(name, version)
                    .orElseThrow(() -> new ResourceNotFound("runbook version", key));
            runbook = reader.read(stored.source(), name);
            parsed.put(key, runbook);
        }
        return runbook;
    }

    /**
     * The latest version of every runbook. A stored version this release no longer accepts is left out (and
     * logged), so one such runbook does not keep every other from starting.
     */
    public List<Versioned> current() {
        List<Versioned> current = new java.util.ArrayList<>();
        for (StoredRunbook stored : versions.latestOfEach()) {
            try {
                current.add(new Versioned(stored.version(), runbook(stored.name(), stored.version())));
            } catch (InvalidRunbook invalid) {
                log.warn("Runbook {} version {} is no longer valid and does not start: {}", stored.name(),
                        stored.version(), invalid.getMessage());
            }
        }
        return current;
    }

    public Versioned latest(String name) {
        StoredRunbook stored = versions.latest(name).orElseThrow(() -> new ResourceNotFound("runbook", name));
        return new Versioned(stored.version(), runbook(name, stored.version()));
    }
}
