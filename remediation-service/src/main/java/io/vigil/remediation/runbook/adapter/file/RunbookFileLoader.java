package io.vigil.remediation.runbook.adapter.file;

import io.vigil.remediation.RemediationProperties;
import io.vigil.remediation.runbook.application.InvalidRunbook;
import io.vigil.remediation.runbook.application.RunbookProblem;
import io.vigil.remediation.runbook.application.RunbookReader;
import io.vigil.remediation.runbook.application.RunbookVersions;
import io.vigil.remediation.runbook.application.Runbooks;
import io.vigil.remediation.runbook.domain.Runbook;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Stores the runbook files named by {@code vigil.remediation.runbooks} at start, before the listener and the poller
 * run. Every file is read first; if any is invalid, nothing is stored and the start fails listing every problem of
 * every file. A file equal to the stored latest version adds nothing, so a restart does not make new versions.
 */
@Component
class RunbookFileLoader implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(RunbookFileLoader.class);

    private final RemediationProperties properties;
    private final ResourcePatternResolver resources;
    private final RunbookReader reader;
    private final Runbooks runbooks;

    RunbookFileLoader(RemediationProperties properties, ResourcePatternResolver resources, RunbookReader reader,
            Runbooks runbooks) {
        this.properties = properties;
        this.resources = resources;
        this.reader = reader;
        this.runbooks = runbooks;
    }

    @Override
    public void afterPropertiesSet() {
        Map<String, String> sources = new LinkedHashMap<>();
        List<RunbookProblem> problems = new ArrayList<>();
        for (String location : properties.runbooks()) {
            if (location == null || location.isBlank()) {
                continue;
            }
            Resource[] found;
            try {
                found = resources.getResources(location.trim());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the runbooks at " + location, e);
            }
            for (Resource resource : found) {
                String file = resource.getFilename() == null ? location : resource.getFilename();
                String text = read(resource, location);
                try {
                    Runbook runbook = reader.read(text, null);
                    if (sources.containsKey(runbook.name())) {
                        problems.add(new RunbookProblem(file + ": name",
                                "'%s' is the name of another runbook file".formatted(runbook.name())));
                    }
                    sources.put(runbook.name(), text);
                } catch (InvalidRunbook invalid) {
                    invalid.problems().forEach(p -> problems.add(new RunbookProblem(file + ": " + p.field(),
                            p.message())));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRunbook(problems);
        }
        sources.forEach((name, text) -> {
            RunbookVersions.Saved saved = runbooks.save(name, text, "file");
            log.info("Runbook {} in force as version {}{}", name, saved.version(), saved.added() ? " (new)" : "");
        });
    }

    private static String read(Resource resource, String location) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the runbook " + resource + " from " + location, e);
        }
    }
}
