package io.vigil.remediation.runbook.domain;

import java.util.Map;

/**
 * When a step runs: after an earlier step ended a certain way, or when a templated value equals a text. Both parts
 * may be given; then both must hold.
 *
 * @param step    an earlier step of the same list, or {@code null}
 * @param outcome what that step must have come to: {@code succeeded} or {@code failed}
 * @param value   a template such as {@code {{labels.env}}}, or {@code null}
 * @param equals  the text the filled-in value must equal
 */
public record StepCondition(String step, String outcome, String value, String equals) {

    /**
     * @param outcomes how the run's earlier steps ended, by name ({@code succeeded}, {@code failed}, {@code skipped})
     * @param values   the run's values, as for templates
     */
    public boolean holds(Map<String, String> outcomes, Map<String, String> values) {
        boolean stepHolds = step == null || outcome.equals(outcomes.get(step));
        boolean valueHolds = value == null || Templates.render(value, values).equals(equals);
        return stepHolds && valueHolds;
    }

    @Override
    public String toString() {
        String onStep = step == null ? null : "step %s %s".formatted(step, outcome);
        String onValue = value == null ? null : "%s is '%s'".formatted(value, equals);
        return onStep == null ? onValue : onValue == null ? onStep : onStep + " and " + onValue;
    }
}
