package io.vigil.escalation.oncall.adapter.file;

import io.vigil.escalation.oncall.application.ConfigDocument;
import io.vigil.escalation.oncall.application.ConfigProblem;
import io.vigil.escalation.oncall.application.InvalidConfiguration;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the YAML form of the configuration document. Dates, times and durations stay strings (YAML 1.1 would make
 * {@code 2026-01-05} a timestamp and {@code 9:00} the number 540), so the validator reports them with their path.
 */
@Component
public class ConfigYaml {

    private static final Pattern INTEGER = Pattern.compile("^[-+]?[0-9]+$");
    private static final Pattern BOOLEAN = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
    private static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL| )$");

    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @throws InvalidConfiguration when the text is not YAML or does not have the document's shape
     */
    public ConfigDocument read(String yamlText) {
        Object tree;
        try {
            tree = yaml().load(yamlText);
        } catch (YAMLException e) {
            throw new InvalidConfiguration(List.of(new ConfigProblem("$", "not valid YAML: " + e.getMessage())));
        }
        if (tree == null) {
            return ConfigDocument.empty();
        }
        try {
            return json.convertValue(tree, ConfigDocument.class);
        } catch (JacksonException e) {
            throw new InvalidConfiguration(List.of(new ConfigProblem(e.getPathReference(), e.getOriginalMessage())));
        }
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
