package io.vigil.docs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A service's own configuration file ({@code incident-core.yml}…), flattened to dotted keys, where the defaults a
 * service really runs with are set. Keys are matched the way Spring binds them: {@code batch-size},
 * {@code batchSize} and {@code batch_size} are one property.
 */
final class ServiceFile {

    private final Map<String, Object> entries;

    private ServiceFile(Map<String, Object> entries) {
        this.entries = entries;
    }

    static ServiceFile parse(String yaml) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Map<String, Object> entries = new LinkedHashMap<>();
        if (document instanceof Map<?, ?> root) {
            flatten("", root, entries);
        }
        return new ServiceFile(entries);
    }

    static ServiceFile empty() {
        return new ServiceFile(Map.of());
    }

    /**
     * The value the file gives a property: the value at its key, or, for a map property whose entries the file
     * lists one by one, those entries. Empty when the file does not set it.
     */
    Optional<Object> valueOf(String property) {
        String wanted = relaxed(property);
        Map<String, Object> entriesBelow = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : entries.entrySet()) {
            String key = relaxed(entry.getKey());
            if (key.equals(wanted)) {
                return Optional.ofNullable(entry.getValue()).or(() -> Optional.of(""));
            }
            if (key.startsWith(wanted + ".")) {
                entriesBelow.put(afterSegments(entry.getKey(), property.split("\\.").length), entry.getValue());
            }
        }
        return entriesBelow.isEmpty() ? Optional.empty() : Optional.of(entriesBelow);
    }

    /** Every key the file sets under {@code prefix} (e.g. {@code vigil.}), as written. */
    List<String> keysUnder(String prefix) {
        return entries.keySet().stream().filter(key -> relaxed(key).startsWith(relaxed(prefix))).toList();
    }

    /** Spring's relaxed form of a name: case, dashes and underscores do not matter. */
    static String relaxed(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    private static String afterSegments(String key, int segments) {
        String rest = key;
        for (int i = 0; i < segments; i++) {
            rest = rest.substring(rest.indexOf('.') + 1);
        }
        return rest;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> into) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = prefix + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> child && !child.isEmpty()) {
                flatten(key + ".", child, into);
            } else {
                into.put(key, entry.getValue());
            }
        }
    }
}
