package io.vigil.escalation.oncall.adapter.file;

import io.vigil.escalation.oncall.application.ConfigDocument;
import io.vigil.escalation.oncall.application.ConfigProblem;
import io.vigil.escalation.oncall.application.InvalidConfiguration;
import io.vigil.starter.yaml.PlainYaml;
import java.util.List;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.error.YAMLException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the YAML form of the configuration document. Dates, times and durations stay strings (YAML 1.1 would make
 * {@code 2026-01-05} a timestamp and {@code 9:00} the number 540), so the validator reports them with their path.
 */
@Component
public class ConfigYaml {

    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @throws InvalidConfiguration when the text is not YAML or does not have the document's shape
     */
    public ConfigDocument read(String yamlText) {
        Object tree;
        try {
            tree = PlainYaml.reader().load(yamlText);
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
}
