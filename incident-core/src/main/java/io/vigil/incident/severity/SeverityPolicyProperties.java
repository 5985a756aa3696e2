package io.vigil.incident.severity;

import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.severity.domain.SeverityMatrix;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The severity matrix, under {@code vigil.incident.severity-policy}: what each severity asks of the responders,
 * and how often incident-core checks open incidents against it.
 *
 * @param checkEvery how often open incidents are checked for an overdue response, update or escalation; a reminder
 *                   goes out at most this long after it is due
 * @param levels     the targets per severity ({@code SEV1} to {@code SEV5}); a severity left out keeps its default
 */
@ConfigurationProperties("vigil.incident.severity-policy")
@Validated
public record SeverityPolicyProperties(
        @NotNull @DefaultValue("5s") Duration checkEvery,
        Map<Severity, @Valid Level> levels) {

    public SeverityPolicyProperties {
        levels = levels == null ? Map.of() : Map.copyOf(levels);
    }

    /**
     * The targets of one severity.
     *
     * @param responseTarget    how long the incident may stay unacknowledged before the incident commander (or the
     *                          on-call) is reminded
     * @param updateCadence     how often the incident needs an update: a note, a status change or a status page
     *                          update; leave it out for none
     * @param commanderRequired whether the incident needs an incident commander; reminders say when it has none
     * @param escalateAfter     how long the incident may stay unacknowledged before incident-core escalates it to
     *                          the next level of its escalation policy (once); leave it out to let the policy's own
     *                          delays decide alone
     */
    public record Level(@NotNull Duration responseTarget, Duration updateCadence,
            @DefaultValue("false") boolean commanderRequired, Duration escalateAfter) {
    }

    public SeverityMatrix toMatrix() {
        EnumMap<Severity, SeverityMatrix.Targets> targets = new EnumMap<>(Severity.class);
        levels.forEach((severity, level) -> targets.put(severity, new SeverityMatrix.Targets(level.responseTarget(),
                level.updateCadence(), level.commanderRequired(), level.escalateAfter())));
        return new SeverityMatrix(targets);
    }
}
