package io.vigil.remediation.runbook.domain;

/**
 * A Prometheus instant query whose first sample must meet a condition.
 *
 * @param url       the Prometheus server's base URL; its host must be allow-listed
 * @param query     PromQL, may hold templates
 * @param condition a comparison with a number: {@code < 0.5}, {@code >= 1}, {@code == 0}, {@code != 0}
 */
public record PrometheusQuery(String url, String query, Condition condition) {

    /** A comparison of the query's value with a threshold. */
    public record Condition(String operator, double threshold) {

        public boolean holds(double value) {
            return switch (operator) {
                case "<" -> value < threshold;
                case "<=" -> value <= threshold;
                case ">" -> value > threshold;
                case ">=" -> value >= threshold;
                case "==" -> value == threshold;
                case "!=" -> value != threshold;
                default -> throw new IllegalStateException("unknown operator " + operator);
            };
        }

        @Override
        public String toString() {
            return operator + " " + threshold;
        }
    }
}
