package io.vigil.remediation.runbook.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {{name}}} placeholders in runbook strings, filled from the incident's values: {@code service},
 * {@code severity}, {@code incident.id}, {@code incident.number}, {@code incident.title}, {@code labels.<name>},
 * {@code annotations.<name>}, the runbook's own {@code params.<name>}, and what an earlier step found out,
 * {@code steps.<step>.<name>} (a Kubernetes scale records {@code previousReplicas} and {@code replicas}), and in
 * headers and bodies the runbook's {@code secrets.<name>}.
 */
public final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}\\s]*)\\s*}}");

    /** The names every incident provides. */
    public static final List<String> INCIDENT_VALUES = List.of("service", "severity", "incident.id",
            "incident.number", "incident.title");

    /** The prefix of a secret's placeholder. */
    public static final String SECRETS = "secrets.";

    private Templates() {
    }

    /** The names a text refers to, in order. */
    public static List<String> references(String text) {
        List<String> names = new ArrayList<>();
        if (text == null) {
            return names;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The text with every placeholder replaced by its value; a name without a value becomes empty. */
    public static String render(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The text with its {@code secrets.<name>} placeholders taken out. */
    public static String withoutSecrets(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement = matcher.group(1).startsWith(SECRETS) ? "" : matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Whether a text has a placeholder at all. */
    public static boolean isTemplated(String text) {
        return text != null && PLACEHOLDER.matcher(text).find();
    }
}
