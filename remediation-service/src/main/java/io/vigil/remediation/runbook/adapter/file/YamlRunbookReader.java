package io.vigil.remediation.runbook.adapter.file;

import io.vigil.remediation.runbook.application.InvalidRunbook;
import io.vigil.remediation.runbook.application.RunbookParser;
import io.vigil.remediation.runbook.application.RunbookProblem;
import io.vigil.remediation.runbook.application.RunbookReader;
import io.vigil.remediation.runbook.domain.Runbook;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads runbooks written in YAML or JSON. Only whole numbers, booleans and null are typed; everything else stays a
 * string, so {@code 1:30} or {@code 2026-01-05} reach the validator as written and a mistake is reported with its
 * path rather than as a surprise.
 */
@Component
class YamlRunbookReader implements RunbookReader {

    private static final Pattern INTEGER = Pattern.compile("^[-+]?[0-9]+$");
    private static final Pattern BOOLEAN = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
    private static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL| )$");

    @Override
    public Runbook read(String source, String expectedName) {
        Object tree;
        try {
            tree = yaml().load(source);
        } catch (YAMLException e) {
            throw new InvalidRunbook(List.of(new RunbookProblem("$", "is not valid YAML or JSON: " + e.getMessage())));
        }
        if (tree == null) {
            throw new InvalidRunbook(List.of(new RunbookProblem("$", "is empty")));
        }
        return RunbookParser.parse(tree, expectedName);
    }

    private static Yaml yaml() {
        Resolver plainScalars = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(Tag.BOOL, BOOLEAN, "tTfF");
                addImplicitResolver(Tag.INT, INTEGER, "-+0123456789");
                addImplicitResolver(Tag.NULL, NULL, "~nN\0");
                addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
            }
        };
        LoaderOptions loader = new LoaderOptions();
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(loader), new Representer(dumper), dumper, loader, plainScalars);
    }
}
