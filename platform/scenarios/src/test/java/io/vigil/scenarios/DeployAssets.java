package io.vigil.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring assets under {@code deploy/} as data tests can check against a running Vigil: the metric names
 * the Grafana dashboards and the Prometheus rules query, and the dashboards' Postgres queries turned into SQL
 * that runs without Grafana.
 *
 * <p>Metric names are found by reading PromQL crudely but correctly: string literals, label matchers, range
 * selectors, Grafana variables and grouping clauses ({@code by (le, service)}) are blanked out first, then
 * every identifier that is not a function call, an operator, a keyword or a series Prometheus makes up itself
 * ({@code up}, {@code ALERTS}, {@code scrape_*}) is a metric name, as written ({@code
 * vigil_incident_time_to_acknowledge_seconds_bucket}).
 */
final class DeployAssets {

    /** PromQL aggregation operators, binary and modifier keywords: none of them is a metric. */
    private static final Set<String> KEYWORDS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio", "by", "without", "on",
            "ignoring", "group_left", "group_right", "bool", "offset", "and", "or", "unless", "atan2", "inf", "nan",
            "le");

    /** Functions, left out even when written with a space before their parenthesis. */
    private static final Set<String> FUNCTIONS = Set.of("abs", "absent", "absent_over_time", "avg_over_time",
            "ceil", "changes", "clamp", "clamp_max", "clamp_min", "count_over_time", "day_of_month", "day_of_week",
            "day_of_year", "days_in_month", "delta", "deriv", "exp", "floor", "histogram_quantile", "holt_winters",
            "hour", "idelta", "increase", "irate", "label_join", "label_replace", "last_over_time", "ln", "log10",
            "log2", "max_over_time", "min_over_time", "minute", "month", "predict_linear", "present_over_time",
            "quantile_over_time", "rate", "resets", "round", "scalar", "sgn", "sort", "sort_desc", "sqrt",
            "stddev_over_time", "stdvar_over_time", "sum_over_time", "time", "timestamp", "vector", "year");

    /** Series that Prometheus itself produces, not the services. */
    private static final Pattern PROMETHEUS_OWN = Pattern.compile("up|ALERTS|ALERTS_FOR_STATE|scrape_\\w+");

    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|`[^`]*`");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+|\\[\\[\\w+]]");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.])[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern MACRO = Pattern.compile("\\$__(\\w+)\\s*\\(");
    private static final Pattern LEFTOVER_VARIABLE = Pattern.compile("\\$\\w+|\\$\\{");

    /** What {@code $__timeFilter} and its kin become: the last year, which every panel's range fits in. */
    private static final String FROM = "now() - interval '1 year'";
    private static final String TO = "now()";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DeployAssets() {
    }

    /** The repository root: the first directory from {@code user.dir} upwards that has {@code deploy/grafana}. */
    static Path root() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/grafana"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No deploy/grafana in " + start + " or any directory above it");
    }

    /** The dashboard files, by name. */
    static List<Path> dashboards() {
        Path dir = root().resolve("deploy/grafana/dashboards");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("No dashboards in " + dir);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rule files Prometheus loads. */
    static List<Path> ruleFiles() {
        Path dir = root().resolve("deploy/prometheus/rules");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every metric name the dashboards (panel targets and template variables) and the alert rules query, as
     * written in PromQL, so with {@code _total}, {@code _bucket}, {@code _sum}... where the query has them.
     */
    static Set<String> prometheusMetricNames() {
        Set<String> names = new TreeSet<>();
        for (Path dashboard : dashboards()) {
            JsonNode root = readJson(dashboard);
            for (JsonNode target : targets(root)) {
                if (target.hasNonNull("expr")) {
                    names.addAll(metricNames(target.get("expr").asString()));
                }
            }
            for (JsonNode variable : root.path("templating").path("list")) {
                if ("query".equals(variable.path("type").asString()) && isPrometheus(variable.path("datasource"))) {
                    JsonNode query = variable.path("query");
                    names.addAll(templateMetricNames(query.isObject() ? query.path("query").asString()
                            : query.asString()));
                }
            }
        }
        for (Path rules : ruleFiles()) {
            for (Map<String, Object> rule : rules(rules)) {
                names.addAll(metricNames(String.valueOf(rule.get("expr"))));
            }
        }
        return names;
    }

    /** Every dashboard's {@code rawSql}, with Grafana's macros replaced by plain SQL covering the last year. */
    static List<String> postgresQueries() {
        List<String> queries = new ArrayList<>();
        for (Path dashboard : dashboards()) {
            for (JsonNode target : targets(readJson(dashboard))) {
                if (target.hasNonNull("rawSql")) {
                    queries.add(plainSql(target.get("rawSql").asString()));
                }
            }
        }
        return queries;
    }

    /** The provisioned datasources: uid to type. */
    static Map<String, String> provisionedDatasources() {
        Map<String, Object> file = readYaml(root().resolve("deploy/grafana/provisioning/datasources/datasources.yml"));
        Map<String, String> byUid = new LinkedHashMap<>();
        for (Map<String, Object> source : listOfMaps(file.get("datasources"))) {
            byUid.put(String.valueOf(source.get("uid")), String.valueOf(source.get("type")));
        }
        return byUid;
    }

    /** Every datasource a dashboard refers to (panels, targets, variables, annotations): uid to type. */
    static Map<String, String> datasourceReferences(Path dashboard) {
        Map<String, String> byUid = new LinkedHashMap<>();
        collectDatasources(readJson(dashboard), byUid);
        return byUid;
    }

    /** The metric names in one PromQL expression. */
    static Set<String> metricNames(String promql) {
        String text = STRING.matcher(promql).replaceAll(" ");
        text = VARIABLE.matcher(text).replaceAll(" ");
        text = MATCHERS.matcher(text).replaceAll("{}");
        text = RANGE.matcher(text).replaceAll("[]");
        text = GROUPING.matcher(text).replaceAll("$1 ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(text);
        while (identifier.find()) {
            String name = identifier.group();
            if (callsFunction(text, identifier.end()) || KEYWORDS.contains(name.toLowerCase(Locale.ROOT))
                    || FUNCTIONS.contains(name) || PROMETHEUS_OWN.matcher(name).matches()) {
                continue;
            }
            names.add(name);
        }
        return names;
    }

    /** The metric names in a Prometheus template variable query ({@code label_values(metric, label)}...). */
    static Set<String> templateMetricNames(String query) {
        String trimmed = query.trim();
        int open = trimmed.indexOf('(');
        if (open < 0 || !trimmed.endsWith(")")) {
            return Set.of();
        }
        String function = trimmed.substring(0, open).trim();
        String inside = trimmed.substring(open + 1, trimmed.length() - 1);
        return switch (function) {
            case "label_values" -> {
                List<String> arguments = splitArguments(inside);
                yield arguments.size() < 2 ? Set.of() : metricNames(arguments.getFirst());
            }
            case "query_result" -> metricNames(inside);
            default -> Set.of();
        };
    }

    /**
     * A Grafana Postgres query as plain SQL: {@code $__timeFilter(c)} becomes a last-year range on {@code c},
     * {@code $__timeGroup(c, 1M)} a {@code date_trunc} (or an epoch bucket for other intervals), and so on.
     *
     * @throws IllegalArgumentException for a macro or variable it does not know, so a new one is noticed
     */
    static String plainSql(String rawSql) {
        StringBuilder sql = new StringBuilder();
        int from = 0;
        Matcher macro = MACRO.matcher(rawSql);
        while (macro.find(from)) {
            int close = closingParenthesis(rawSql, macro.end() - 1);
            List<String> arguments = splitArguments(rawSql.substring(macro.end(), close));
            sql.append(rawSql, from, macro.start()).append(expand(macro.group(1), arguments, rawSql));
            from = close + 1;
        }
        sql.append(rawSql.substring(from));
        String plain = sql.toString();
        Matcher leftover = LEFTOVER_VARIABLE.matcher(STRING.matcher(plain).replaceAll("''"));
        if (leftover.find()) {
            throw new IllegalArgumentException("Cannot turn " + leftover.group() + " into SQL in: " + rawSql);
        }
        return plain;
    }

    private static String expand(String macro, List<String> arguments, String rawSql) {
        String column = arguments.isEmpty() ? "" : arguments.getFirst();
        return switch (macro) {
            case "time" -> column + " AS \"time\"";
            case "timeEpoch" -> "extract(epoch FROM " + column + ") AS \"time\"";
            case "timeFilter" -> column + " BETWEEN " + FROM + " AND " + TO;
            case "timeFrom" -> FROM;
            case "timeTo" -> TO;
            case "unixEpochFilter" -> column + " BETWEEN extract(epoch FROM " + FROM + ") AND extract(epoch FROM "
                    + TO + ")";
            case "timeGroup" -> timeGroup(column, argument(arguments, 1, rawSql));
            case "timeGroupAlias" -> timeGroup(column, argument(arguments, 1, rawSql)) + " AS \"time\"";
            default -> throw new IllegalArgumentException("Unknown Grafana macro $__" + macro + " in: " + rawSql);
        };
    }

    private static String timeGroup(String column, String interval) {
        String unit = switch (interval) {
            case "1y" -> "year";
            case "1M" -> "month";
            case "1w" -> "week";
            case "1d" -> "day";
            case "1h" -> "hour";
            case "1m" -> "minute";
            default -> null;
        };
        if (unit != null) {
            return "date_trunc('" + unit + "', " + column + ")";
        }
        long seconds = seconds(interval);
        return "to_timestamp(floor(extract(epoch FROM " + column + ") / " + seconds + ") * " + seconds + ")";
    }

    private static long seconds(String interval) {
        Matcher parts = Pattern.compile("(\\d+)(ms|s|m|h|d|w)").matcher(interval);
        if (!parts.matches()) {
            throw new IllegalArgumentException("Unknown time group interval " + interval);
        }
        long amount = Long.parseLong(parts.group(1));
        return switch (parts.group(2)) {
            case "ms" -> Math.max(1, amount / 1000);
            case "s" -> amount;
            case "m" -> amount * 60;
            case "h" -> amount * 3600;
            case "d" -> amount * 86_400;
            default -> amount * 604_800;
        };
    }

    private static String argument(List<String> arguments, int index, String rawSql) {
        if (arguments.size() <= index) {
            throw new IllegalArgumentException("Missing macro argument " + (index + 1) + " in: " + rawSql);
        }
        return arguments.get(index).replaceAll("^['\"]|['\"]$", "");
    }

    private static int closingParenthesis(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unbalanced parentheses in: " + text);
    }

    private static List<String> splitArguments(String inside) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                arguments.add(inside.substring(start, i).trim());
                start = i + 1;
            }
        }
        if (!inside.isBlank()) {
            arguments.add(inside.substring(start).trim());
        }
        return arguments;
    }

    private static boolean callsFunction(String text, int afterIdentifier) {
        for (int i = afterIdentifier; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '(';
            }
        }
        return false;
    }

    /** Targets of every panel, including those nested in rows. */
    private static List<JsonNode> targets(JsonNode dashboard) {
        List<JsonNode> targets = new ArrayList<>();
        collectTargets(dashboard.path("panels"), targets);
        return targets;
    }

    private static void collectTargets(JsonNode panels, List<JsonNode> targets) {
        for (JsonNode panel : panels) {
            panel.path("targets").forEach(targets::add);
            collectTargets(panel.path("panels"), targets);
        }
    }

    private static void collectDatasources(JsonNode node, Map<String, String> byUid) {
        if (node.isObject()) {
            JsonNode datasource = node.path("datasource");
            if (datasource.isObject() && datasource.hasNonNull("uid")) {
                byUid.put(datasource.get("uid").asString(), datasource.path("type").asString(""));
            }
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                collectDatasources(property.getValue(), byUid);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collectDatasources(element, byUid));
        }
    }

    private static boolean isPrometheus(JsonNode datasource) {
        return "prometheus".equals(datasource.path("type").asString(""));
    }

    private static List<Map<String, Object>> rules(Path file) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : listOfMaps(readYaml(file).get("groups"))) {
            rules.addAll(listOfMaps(group.get("rules")));
        }
        return rules;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOfMaps(Object value) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalStateException("Expected a list, found " + value);
        }
        return (List<Map<String, Object>>) list;
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> readYaml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, Object> document = new Yaml().load(in);
            if (document == null) {
                throw new IllegalStateException(file + " is empty");
            }
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
