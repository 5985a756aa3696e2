package io.vigil.remediation.runbook.adapter.file;

import io.vigil.remediation.runbook.application.InvalidRunbook;
import io.vigil.remediation.runbook.application.RunbookParser;
import io.vigil.remediation.runbook.application.RunbookProblem;
import io.vigil.remediation.runbook.application.RunbookReader;
import io.vigil.remediation.runbook.domain.Runbook;
import io.vigil.starter.yaml.PlainYaml;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads runbooks written in YAML or JSON. Only whole numbers, booleans and null are typed; everything else stays a
 * string, so {@code 1:30} or {@code 2026-01-05} reach the validator as written and a mistake is reported with its
 * path rather than as a surprise.
 */
@Component
class YamlRunbookReader implements RunbookReader {

    @Override
    public Runbook read(String source, String expectedName) {
        Object tree;
        try {
            tree = PlainYaml.reader().load(source);
        } catch (YAMLException e) {
            throw new InvalidRunbook(List.of(new RunbookProblem("$", "is not valid YAML or JSON: " + e.getMessage())));
        }
        if (tree == null) {
            throw new InvalidRunbook(List.of(new RunbookProblem("$", "is empty")));
        }
        return RunbookParser.parse(tree, expectedName);
    }
}
