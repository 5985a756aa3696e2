package io.vigil.remediation.runbook.application;

import io.vigil.contracts.IncidentSeverity;
import io.vigil.remediation.runbook.domain.Guardrails;
import io.vigil.remediation.runbook.domain.HttpCall;
import io.vigil.remediation.runbook.domain.KubernetesCall;
import io.vigil.remediation.runbook.domain.PrometheusQuery;
import io.vigil.remediation.runbook.domain.Runbook;
import io.vigil.remediation.runbook.domain.SecretReference;
import io.vigil.remediation.runbook.domain.Step;
import io.vigil.remediation.runbook.domain.StepCondition;
import io.vigil.remediation.runbook.domain.StepType;
import io.vigil.remediation.runbook.domain.Templates;
import io.vigil.remediation.runbook.domain.Trigger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a runbook document (the tree YAML or JSON reads into: maps, lists, strings, numbers, booleans) into a
 * {@link Runbook}, or refuses it listing every problem with its path: unknown fields and step types, missing
 * values, templates that refer to nothing, and hosts outside the allow-list.
 */
public final class RunbookParser {

    private static final Set<String> TOP = Set.of("name", "description", "trigger", "mode", "dryRun",
            "resolvesIncident", "parameters", "secrets", "steps", "rollback", "guardrails");
    private static final Set<String> TRIGGER = Set.of("service", "alertName", "labels", "minSeverity");
    private static final Set<String> GUARDRAILS = Set.of("maxAttemptsPerIncident", "cooldown", "approvalAtOrAbove",
            "allowedHosts", "allowedNamespaces");
    private static final Set<String> STEP = Set.of("name", "type", "timeout", "retries", "retryDelay", "onFailure",
            "http", "prometheus", "kubernetes", "duration", "message", "undoes", "when", "every");
    private static final Set<String> WHEN = Set.of("step", "outcome", "value", "equals");
    private static final Set<String> SECRET = Set.of("env", "kubernetes");
    private static final Set<String> KUBERNETES_SECRET = Set.of("namespace", "name", "key");
    /** Headers that carry credentials: their value must come from {@code {{secrets.<name>}}}. */
    private static final Pattern CREDENTIAL_HEADER = Pattern.compile(
            "(?i)authorization|proxy-authorization|cookie|.*(token|secret|password|api-?key).*");
    private static final Set<String> KUBERNETES = Set.of("action", "namespace", "deployment", "replicas");
    private static final Set<String> HTTP = Set.of("method", "url", "headers", "body", "expectStatus",
            "bodyContains");
    private static final Set<String> PROMETHEUS = Set.of("url", "query", "condition");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,98}[a-z0-9])?");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern CONDITION = Pattern.compile("\\s*(<=|>=|==|!=|<|>)\\s*(-?[0-9.]+(?:[eE][-+]?\\d+)?)\\s*");
    private static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(5);
    private static final Duration DEFAULT_WAIT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration DEFAULT_WAIT_EVERY = Duration.ofSeconds(10);

    private final List<RunbookProblem> problems = new ArrayList<>();
    /** Steps a template may refer to as {@code steps.<name>.<value>}: earlier main steps, or all for rollback. */
    private final Set<String> stepsSoFar = new HashSet<>();
    /** The secrets the runbook declares, usable as {@code {{secrets.<name>}}} in headers and bodies. */
    private Set<String> secretNames = Set.of();

    private RunbookParser() {
    }

    /**
     * @param document     the parsed document
     * @param expectedName the name it is stored under, or {@code null} to take the document's
     * @throws InvalidRunbook listing every problem
     */
    public static Runbook parse(Object document, String expectedName) {
        RunbookParser parser = new RunbookParser();
        Runbook runbook = parser.runbook(document, expectedName);
        if (!parser.problems.isEmpty()) {
            throw new InvalidRunbook(parser.problems);
        }
        return runbook;
    }

    private Runbook runbook(Object document, String expectedName) {
        Map<String, Object> root = map(document, "$");
        if (root == null) {
            return null;
        }
        known(root, TOP, "");
        String name = string(root, "name", "name");
        if (name == null && expectedName != null) {
            name = expectedName;
        } else if (name == null) {
            problem("name", "is required");
        } else if (expectedName != null && !expectedName.equals(name)) {
            problem("name", "is '%s' but the runbook is stored as '%s'".formatted(name, expectedName));
        }
        if (name != null && !NAME.matcher(name).matches()) {
            problem("name", "must be lower-case letters, digits and dashes, at most 100");
        }
        String description = string(root, "description", "description");
        Trigger trigger = trigger(map(root.get("trigger"), "trigger"));
        Runbook.Mode mode = Runbook.Mode.AUTO;
        String modeText = string(root, "mode", "mode");
        if (modeText != null) {
            switch (modeText) {
                case "auto" -> mode = Runbook.Mode.AUTO;
                case "suggest" -> mode = Runbook.Mode.SUGGEST;
                default -> problem("mode", "must be auto or suggest, not '%s'".formatted(modeText));
            }
        }
        boolean dryRun = bool(root, "dryRun", "dryRun", false);
        boolean resolves = bool(root, "resolvesIncident", "resolvesIncident", false);
        Guardrails guardrails = guardrails(root.containsKey("guardrails") ? map(root.get("guardrails"), "guardrails")
                : Map.of());
        Map<String, String> parameters = strings(root.get("parameters"), "parameters");
        parameters.forEach((key, template) -> {
            if (!key.matches("[A-Za-z][A-Za-z0-9_]*")) {
                problem("parameters." + key, "must be a name of letters, digits and underscores");
            }
            templates(template, "parameters." + key, Set.of(), false);
        });
        Map<String, SecretReference> secrets = secrets(root.get("secrets"), guardrails);
        secretNames = secrets.keySet();
        List<Step> steps = steps(root.get("steps"), "steps", parameters.keySet(), guardrails, null);
        if (root.get("steps") == null) {
            problem("steps", "is required: a runbook does at least one thing");
        } else if (steps.isEmpty() && problems.stream().noneMatch(p -> p.field().startsWith("steps"))) {
            problem("steps", "must have at least one step");
        }
        List<Step> rollback = root.containsKey("rollback")
                ? steps(root.get("rollback"), "rollback", parameters.keySet(), guardrails,
                        steps.stream().map(Step::name).collect(java.util.stream.Collectors.toSet()))
                : List.of();
        if (!problems.isEmpty()) {
            return null;
        }
        return new Runbook(name, description, trigger, mode, dryRun, resolves, parameters, steps, rollback,
                guardrails, secrets);
    }

    private Map<String, SecretReference> secrets(Object value, Guardrails guardrails) {
        Map<String, SecretReference> secrets = new LinkedHashMap<>();
        Map<String, Object> declared = map(value, "secrets");
        if (declared == null) {
            return secrets;
        }
        declared.forEach((name, item) -> {
            String at = "secrets." + name;
            if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                problem(at, "must be a name of letters, digits and underscores");
            }
            if (!(item instanceof Map<?, ?>)) {
                problem(at, "must be a reference, {env: VARIABLE} or {kubernetes: {namespace, name, key}}, never "
                        + "the secret itself");
                return;
            }
            Map<String, Object> reference = map(item, at);
            known(reference, SECRET, at + ".");
            String environment = string(reference, "env", at + ".env");
            Map<String, Object> kubernetes = map(reference.get("kubernetes"), at + ".kubernetes");
            if ((environment == null) == (kubernetes == null)) {
                problem(at, "needs exactly one of env or kubernetes");
                return;
            }
            if (environment != null) {
                if (!environment.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                    problem(at + ".env", "must be the name of an environment variable");
                }
                secrets.put(name, SecretReference.fromEnvironment(environment));
                return;
            }
            known(kubernetes, KUBERNETES_SECRET, at + ".kubernetes.");
            String namespace = string(kubernetes, "namespace", at + ".kubernetes.namespace");
            String secret = string(kubernetes, "name", at + ".kubernetes.name");
            String key = string(kubernetes, "key", at + ".kubernetes.key");
            if (namespace == null) {
                problem(at + ".kubernetes.namespace", "is required");
            } else if (!guardrails.allowsNamespace(namespace)) {
                problem(at + ".kubernetes.namespace", "'%s' is not in guardrails.allowedNamespaces %s"
                        .formatted(namespace, guardrails.allowedNamespaces()));
            }
            if (secret == null) {
                problem(at + ".kubernetes.name", "is required");
            }
            if (key == null) {
                problem(at + ".kubernetes.key", "is required");
            }
            secrets.put(name, SecretReference.fromKubernetes(namespace, secret, key));
        });
        return secrets;
    }

    private Trigger trigger(Map<String, Object> trigger) {
        if (trigger == null) {
            problem("trigger", "is required: say which incidents the runbook acts on (service, alertName, labels, "
                    + "minSeverity)");
            return null;
        }
        known(trigger, TRIGGER, "trigger.");
        IncidentSeverity minSeverity = severity(trigger, "minSeverity", "trigger.minSeverity");
        return new Trigger(string(trigger, "service", "trigger.service"),
                string(trigger, "alertName", "trigger.alertName"), strings(trigger.get("labels"), "trigger.labels"),
                minSeverity);
    }

    private Guardrails guardrails(Map<String, Object> guardrails) {
        if (guardrails == null) {
            guardrails = Map.of();
        }
        known(guardrails, GUARDRAILS, "guardrails.");
        Integer attempts = integer(guardrails, "maxAttemptsPerIncident", "guardrails.maxAttemptsPerIncident");
        if (attempts != null && attempts < 1) {
            problem("guardrails.maxAttemptsPerIncident", "must be at least 1");
        }
        Duration cooldown = duration(guardrails.get("cooldown"), "guardrails.cooldown");
        return new Guardrails(attempts == null ? 1 : attempts, cooldown == null ? Duration.ZERO : cooldown,
                severity(guardrails, "approvalAtOrAbove", "guardrails.approvalAtOrAbove"),
                list(guardrails.get("allowedHosts"), "guardrails.allowedHosts"),
                list(guardrails.get("allowedNamespaces"), "guardrails.allowedNamespaces"));
    }

    private List<Step> steps(Object value, String path, Set<String> parameters, Guardrails guardrails,
            Set<String> mainSteps) {
        List<Step> steps = new ArrayList<>();
        if (value == null) {
            return steps;
        }
        if (!(value instanceof List<?> items)) {
            problem(path, "must be a list of steps");
            return steps;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String at = path + "[" + i + "]";
            Map<String, Object> step = map(items.get(i), at);
            if (step == null) {
                continue;
            }
            Step parsed = step(step, at, parameters, guardrails, mainSteps, names);
            if (parsed != null && mainSteps == null) {
                stepsSoFar.add(parsed.name());
            }
            if (parsed != null && !names.add(parsed.name())) {
                problem(at + ".name", "'%s' is the name of an earlier step".formatted(parsed.name()));
            }
            if (parsed != null) {
                steps.add(parsed);
            } else if (step.get("name") instanceof String invalidStepsName) {
                // Refused for its own problems, it is still a step later ones may name without a second problem.
                names.add(invalidStepsName);
            }
        }
        return steps;
    }

    private Step step(Map<String, Object> step, String at, Set<String> parameters, Guardrails guardrails,
            Set<String> mainSteps, Set<String> earlier) {
        int before = problems.size();
        known(step, STEP, at + ".");
        String name = string(step, "name", at + ".name");
        if (name == null) {
            problem(at + ".name", "is required");
        }
        String typeText = string(step, "type", at + ".type");
        StepType type = null;
        if (typeText == null) {
            problem(at + ".type", "is required: check, action, wait, notify or approval");
        } else {
            type = StepType.fromWire(typeText).orElse(null);
            if (type == null) {
                problem(at + ".type", "'%s' is not a step type: use check, action, wait, notify or approval"
                        .formatted(typeText));
            }
        }
        Duration timeout = duration(step.get("timeout"), at + ".timeout");
        Integer retries = integer(step, "retries", at + ".retries");
        if (retries != null && retries < 0) {
            problem(at + ".retries", "must not be negative");
        }
        Duration retryDelay = duration(step.get("retryDelay"), at + ".retryDelay");
        Step.OnFailure onFailure = mainSteps == null ? Step.OnFailure.STOP : Step.OnFailure.CONTINUE;
        String onFailureText = string(step, "onFailure", at + ".onFailure");
        if (onFailureText != null) {
            try {
                onFailure = Step.OnFailure.valueOf(onFailureText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(at + ".onFailure", "must be stop, continue or rollback, not '%s'".formatted(onFailureText));
            }
            if (mainSteps != null && onFailure == Step.OnFailure.ROLLBACK) {
                problem(at + ".onFailure", "a rollback step cannot start another rollback: use stop or continue");
            }
        }
        HttpCall http = step.containsKey("http") ? http(map(step.get("http"), at + ".http"), at + ".http",
                parameters, guardrails, type) : null;
        PrometheusQuery prometheus = step.containsKey("prometheus")
                ? prometheus(map(step.get("prometheus"), at + ".prometheus"), at + ".prometheus", parameters,
                        guardrails)
                : null;
        KubernetesCall kubernetes = step.containsKey("kubernetes")
                ? kubernetes(map(step.get("kubernetes"), at + ".kubernetes"), at + ".kubernetes", parameters,
                        guardrails)
                : null;
        Duration duration = duration(step.get("duration"), at + ".duration");
        String message = string(step, "message", at + ".message");
        templates(message, at + ".message", parameters, true);
        StepCondition when = step.containsKey("when")
                ? when(map(step.get("when"), at + ".when"), at + ".when", parameters, mainSteps, earlier) : null;
        Duration every = duration(step.get("every"), at + ".every");
        String undoes = string(step, "undoes", at + ".undoes");
        if (undoes != null && mainSteps == null) {
            problem(at + ".undoes", "only a rollback step undoes another step");
        } else if (undoes != null && !mainSteps.contains(undoes)) {
            problem(at + ".undoes", "names no step of the runbook: '%s'".formatted(undoes));
        }
        if (type != null) {
            switch (type) {
                case CHECK -> {
                    if (!step.containsKey("http") && !step.containsKey("prometheus")) {
                        problem(at, "a check needs an http probe or a prometheus query");
                    } else if (step.containsKey("http") && step.containsKey("prometheus")) {
                        problem(at, "a check has an http probe or a prometheus query, not both");
                    }
                }
                case ACTION -> {
                    if (!step.containsKey("http") && !step.containsKey("kubernetes")) {
                        problem(at + ".http", "is required: an action makes an http call or a kubernetes change");
                    } else if (step.containsKey("http") && step.containsKey("kubernetes")) {
                        problem(at, "an action makes an http call or a kubernetes change, not both");
                    }
                }
                case WAIT -> {
                    boolean until = step.containsKey("http") || step.containsKey("prometheus");
                    if (!step.containsKey("duration") && !until) {
                        problem(at + ".duration", "is required: how long to wait, e.g. 2m, or an http probe or "
                                + "prometheus query to wait for");
                    } else if (step.containsKey("duration") && until) {
                        problem(at, "a wait waits a duration or until a check passes, not both");
                    } else if (step.containsKey("http") && step.containsKey("prometheus")) {
                        problem(at, "a wait waits for an http probe or a prometheus query, not both");
                    }
                }
                case NOTIFY -> {
                    if (message == null) {
                        problem(at + ".message", "is required: what to write on the incident");
                    }
                }
                case APPROVAL -> {
                    // The message is optional: the run and step names say what is asked.
                }
            }
            if (type != StepType.ACTION && step.containsKey("kubernetes")) {
                problem(at + ".kubernetes", "only an action changes Kubernetes");
            }
            if (type != StepType.CHECK && type != StepType.WAIT && step.containsKey("prometheus")) {
                problem(at + ".prometheus", "only a check or a wait runs a prometheus query");
            }
            if (type != StepType.CHECK && type != StepType.ACTION && type != StepType.WAIT
                    && step.containsKey("http")) {
                problem(at + ".http", "only a check, an action or a wait makes an HTTP call");
            }
            boolean waitsForCheck = type == StepType.WAIT
                    && (step.containsKey("http") || step.containsKey("prometheus"));
            if (every != null && !waitsForCheck) {
                problem(at + ".every", "only a wait until a check passes looks again every so often");
            } else if (every != null && every.isZero()) {
                problem(at + ".every", "must be longer than zero");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        boolean waitsForCheck = type == StepType.WAIT && (http != null || prometheus != null);
        Duration effectiveTimeout = timeout != null ? timeout
                : type == StepType.CHECK || type == StepType.ACTION ? DEFAULT_HTTP_TIMEOUT
                : waitsForCheck ? DEFAULT_WAIT_TIMEOUT : null;
        return new Step(name, type, effectiveTimeout, retries == null ? 0 : retries,
                retryDelay == null ? DEFAULT_RETRY_DELAY : retryDelay, onFailure, http, prometheus, kubernetes, duration,
                message, undoes, when, waitsForCheck ? (every == null ? DEFAULT_WAIT_EVERY : every) : null);
    }

    private StepCondition when(Map<String, Object> when, String at, Set<String> parameters, Set<String> mainSteps,
            Set<String> earlier) {
        if (when == null) {
            return null;
        }
        known(when, WHEN, at + ".");
        String step = string(when, "step", at + ".step");
        String outcome = string(when, "outcome", at + ".outcome");
        String value = string(when, "value", at + ".value");
        String equals = when.get("equals") == null ? null : String.valueOf(when.get("equals"));
        if (step == null && value == null) {
            problem(at, "needs a step (with an outcome) or a value (with equals) to test");
        }
        if (step != null) {
            boolean known = earlier.contains(step) || (mainSteps != null && mainSteps.contains(step));
            if (!known) {
                problem(at + ".step", "names no earlier step: '%s'".formatted(step));
            }
            if (outcome == null) {
                problem(at + ".outcome", "is required with a step: succeeded or failed");
            } else if (!outcome.equals("succeeded") && !outcome.equals("failed")) {
                problem(at + ".outcome", "must be succeeded or failed, not '%s'".formatted(outcome));
            }
        } else if (outcome != null) {
            problem(at + ".outcome", "tests a step: give the step too");
        }
        if (value != null) {
            templates(value, at + ".value", parameters, true);
            if (equals == null) {
                problem(at + ".equals", "is required with a value");
            }
        } else if (equals != null) {
            problem(at + ".equals", "compares a value: give the value too");
        }
        return new StepCondition(step, outcome, value, equals);
    }

    private HttpCall http(Map<String, Object> http, String at, Set<String> parameters, Guardrails guardrails,
            StepType type) {
        if (http == null) {
            return null;
        }
        known(http, HTTP, at + ".");
        String method = string(http, "method", at + ".method");
        if (method == null) {
            method = type == StepType.ACTION ? "POST" : "GET";
        } else if (!METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            problem(at + ".method", "must be one of " + METHODS.stream().sorted().toList());
        }
        String url = string(http, "url", at + ".url");
        url(url, at + ".url", parameters, guardrails);
        Map<String, String> headers = strings(http.get("headers"), at + ".headers");
        headers.forEach((key, value) -> {
            templatesWithSecrets(value, at + ".headers." + key, parameters);
            boolean fromSecret = Templates.references(value).stream().anyMatch(r -> r.startsWith(Templates.SECRETS));
            if (CREDENTIAL_HEADER.matcher(key).matches() && !fromSecret) {
                problem(at + ".headers." + key, "carries a credential written out: declare it under secrets (env or "
                        + "kubernetes) and use {{secrets.<name>}}");
            }
        });
        String body = string(http, "body", at + ".body");
        templatesWithSecrets(body, at + ".body", parameters);
        Integer expectStatus = integer(http, "expectStatus", at + ".expectStatus");
        if (expectStatus != null && (expectStatus < 100 || expectStatus > 599)) {
            problem(at + ".expectStatus", "must be an HTTP status, 100 to 599");
        }
        String bodyContains = string(http, "bodyContains", at + ".bodyContains");
        templates(bodyContains, at + ".bodyContains", parameters, true);
        return new HttpCall(method.toUpperCase(Locale.ROOT), url, headers, body, expectStatus, bodyContains);
    }

    private PrometheusQuery prometheus(Map<String, Object> prometheus, String at, Set<String> parameters,
            Guardrails guardrails) {
        if (prometheus == null) {
            return null;
        }
        known(prometheus, PROMETHEUS, at + ".");
        String url = string(prometheus, "url", at + ".url");
        url(url, at + ".url", parameters, guardrails);
        String query = string(prometheus, "query", at + ".query");
        if (query == null) {
            problem(at + ".query", "is required: the PromQL to evaluate");
        }
        templates(query, at + ".query", parameters, true);
        String conditionText = string(prometheus, "condition", at + ".condition");
        PrometheusQuery.Condition condition = null;
        if (conditionText == null) {
            problem(at + ".condition", "is required, e.g. '< 0.5'");
        } else {
            Matcher matcher = CONDITION.matcher(conditionText);
            if (matcher.matches()) {
                try {
                    condition = new PrometheusQuery.Condition(matcher.group(1), Double.parseDouble(matcher.group(2)));
                } catch (NumberFormatException e) {
                    problem(at + ".condition", "'%s' has no number to compare with".formatted(conditionText));
                }
            } else {
                problem(at + ".condition", "must compare with a number: <, <=, >, >=, == or != and a number, "
                        + "not '%s'".formatted(conditionText));
            }
        }
        return new PrometheusQuery(url, query, condition);
    }

    private KubernetesCall kubernetes(Map<String, Object> kubernetes, String at, Set<String> parameters,
            Guardrails guardrails) {
        if (kubernetes == null) {
            return null;
        }
        known(kubernetes, KUBERNETES, at + ".");
        String actionText = string(kubernetes, "action", at + ".action");
        KubernetesCall.Action action = null;
        if (actionText == null) {
            problem(at + ".action", "is required: scale, restart or rollback");
        } else {
            switch (actionText) {
                case "scale" -> action = KubernetesCall.Action.SCALE;
                case "restart" -> action = KubernetesCall.Action.RESTART;
                case "rollback" -> action = KubernetesCall.Action.ROLLBACK;
                default -> problem(at + ".action", "must be scale, restart or rollback, not '%s'"
                        .formatted(actionText));
            }
        }
        String namespace = string(kubernetes, "namespace", at + ".namespace");
        if (namespace == null) {
            problem(at + ".namespace", "is required");
        } else if (Templates.isTemplated(namespace)) {
            problem(at + ".namespace", "must be written out, not templated, so the allow-list can be checked");
        } else if (!guardrails.allowsNamespace(namespace)) {
            problem(at + ".namespace", "'%s' is not in guardrails.allowedNamespaces %s".formatted(namespace,
                    guardrails.allowedNamespaces()));
        }
        String deployment = string(kubernetes, "deployment", at + ".deployment");
        if (deployment == null) {
            problem(at + ".deployment", "is required");
        }
        templates(deployment, at + ".deployment", parameters, true);
        String replicas = string(kubernetes, "replicas", at + ".replicas");
        if (action == KubernetesCall.Action.SCALE) {
            if (replicas == null) {
                problem(at + ".replicas", "is required to scale");
            } else if (Templates.isTemplated(replicas)) {
                templates(replicas, at + ".replicas", parameters, true);
            } else if (!replicas.matches("\\d{1,4}")) {
                problem(at + ".replicas", "must be a whole number from 0 to 9999 or a template");
            }
        } else if (replicas != null) {
            problem(at + ".replicas", "only scale takes replicas");
        }
        return new KubernetesCall(action, namespace, deployment, replicas);
    }

    private void url(String url, String at, Set<String> parameters, Guardrails guardrails) {
        if (url == null) {
            problem(at, "is required");
            return;
        }
        templates(url, at, parameters, true);
        String host;
        try {
            URI uri = new URI(Templates.render(url, Map.of()).replace(" ", "%20"));
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                problem(at, "must be an absolute http or https URL");
                return;
            }
            host = hostOf(url);
        } catch (URISyntaxException e) {
            problem(at, "is not a URL: " + e.getMessage());
            return;
        }
        if (host == null || host.isEmpty()) {
            problem(at, "has no host");
        } else if (Templates.isTemplated(host)) {
            problem(at, "takes its host from a template; the host must be written out so the allow-list can be "
                    + "checked");
        } else if (!guardrails.allowsHost(host)) {
            problem(at, "calls host '%s', which is not in guardrails.allowedHosts %s".formatted(host,
                    guardrails.allowedHosts()));
        }
    }

    /** The host as written, templates included (a URI parser would reject the braces). */
    static String hostOf(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return null;
        }
        String rest = url.substring(scheme + 3);
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int index = rest.indexOf(c);
            if (index >= 0 && index < end && !insideTemplate(rest, index)) {
                end = index;
            }
        }
        String authority = rest.substring(0, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            return close < 0 ? authority : authority.substring(0, close + 1);
        }
        int colon = authority.lastIndexOf(':');
        return colon >= 0 && !insideTemplate(authority, colon) ? authority.substring(0, colon) : authority;
    }

    private static boolean insideTemplate(String text, int index) {
        int open = text.lastIndexOf("{{", index);
        return open >= 0 && text.indexOf("}}", open) > index;
    }

    private void templatesWithSecrets(String text, String at, Set<String> parameters) {
        for (String reference : Templates.references(text)) {
            if (reference.startsWith(Templates.SECRETS)) {
                String secret = reference.substring(Templates.SECRETS.length());
                if (!secretNames.contains(secret)) {
                    problem(at, "refers to {{%s}}, but the runbook declares no secret '%s'".formatted(reference,
                            secret));
                }
            }
        }
        templates(text == null ? null : Templates.withoutSecrets(text), at, parameters, true);
    }

    private void templates(String text, String at, Set<String> parameters, boolean paramsAllowed) {
        for (String reference : Templates.references(text)) {
            if (reference.startsWith(Templates.SECRETS)) {
                problem(at, "refers to {{%s}}: a secret may be used only in headers and bodies".formatted(reference));
                continue;
            }
            if (Templates.INCIDENT_VALUES.contains(reference)) {
                continue;
            }
            if ((reference.startsWith("labels.") || reference.startsWith("annotations."))
                    && reference.indexOf('.') < reference.length() - 1) {
                continue;
            }
            if (reference.startsWith("steps.")) {
                String[] parts = reference.split("\\.", 3);
                if (!paramsAllowed) {
                    problem(at, "refers to {{%s}}, but a parameter cannot use a step's result".formatted(reference));
                } else if (parts.length < 3 || !stepsSoFar.contains(parts[1])) {
                    problem(at, "refers to {{%s}}, but no earlier step has that name".formatted(reference));
                }
                continue;
            }
            if (reference.startsWith("params.")) {
                String parameter = reference.substring("params.".length());
                if (!paramsAllowed) {
                    problem(at, "refers to {{%s}}, but a parameter cannot use another parameter".formatted(reference));
                } else if (!parameters.contains(parameter)) {
                    problem(at, "refers to {{%s}}, but the runbook declares no parameter '%s'".formatted(reference,
                            parameter));
                }
                continue;
            }
            problem(at, ("refers to {{%s}}, which names nothing: use service, severity, incident.id, "
                    + "incident.number, incident.title, labels.<name>, annotations.<name>, params.<name> or "
                    + "steps.<step>.<name>")
                    .formatted(reference));
        }
    }

    private void known(Map<String, Object> map, Set<String> fields, String prefix) {
        map.keySet().stream().filter(key -> !fields.contains(key)).sorted()
                .forEach(key -> problem(prefix + key, "is not a known field"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object value, String at) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, item) -> result.put(String.valueOf(key), item));
            return result;
        }
        problem(at, "must be a mapping of fields");
        return null;
    }

    private String string(Map<String, Object> map, String key, String at) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            problem(at, "must be a single value");
            return null;
        }
        String text = value.toString();
        return text.isBlank() ? null : text;
    }

    private boolean bool(Map<String, Object> map, String key, String at, boolean otherwise) {
        Object value = map.get(key);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        problem(at, "must be true or false");
        return otherwise;
    }

    private Integer integer(Map<String, Object> map, String key, String at) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            problem(at, "must be a whole number");
            return null;
        }
    }

    private IncidentSeverity severity(Map<String, Object> map, String key, String at) {
        String text = string(map, key, at);
        if (text == null) {
            return null;
        }
        try {
            return IncidentSeverity.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(at, "must be SEV1 to SEV5, not '%s'".formatted(text));
            return null;
        }
    }

    private Duration duration(Object value, String at) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        Matcher matcher = SHORT_DURATION.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            problem(at, "must be a duration such as 30s, 5m or 1h, not '%s'".formatted(text));
            return null;
        }
    }

    private Map<String, String> strings(Object value, String at) {
        Map<String, String> result = new LinkedHashMap<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problem(at, "must be a mapping of names to values");
            return result;
        }
        map.forEach((key, item) -> {
            if (item == null || item instanceof Map<?, ?> || item instanceof List<?>) {
                problem(at + "." + key, "must be a single value");
            } else {
                result.put(String.valueOf(key), item.toString());
            }
        });
        return result;
    }

    private List<String> list(Object value, String at) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            problem(at, "must be a list");
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item == null || item instanceof Map<?, ?> || item instanceof List<?>) {
                problem(at + "[" + i + "]", "must be a single value");
            } else {
                result.add(item.toString());
            }
        }
        return result;
    }

    private void problem(String field, String message) {
        problems.add(new RunbookProblem(field, message));
    }
}
