package io.vigil.incident.severity.adapter;

import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.severity.domain.SeverityMatrix;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The severity matrix in force, as configured under {@code vigil.incident.severity-policy}. */
@RestController
class SeverityPolicyController {

    /**
     * One severity's targets; durations in ISO-8601 ({@code PT15M}) and in minutes, {@code null} for none.
     */
    record LevelView(String severity, Duration responseTarget, long responseTargetMinutes, Duration updateCadence,
            Long updateCadenceMinutes, boolean commanderRequired, Duration escalateAfter, Long escalateAfterMinutes) {
    }

    private final SeverityMatrix matrix;

    SeverityPolicyController(SeverityMatrix matrix) {
        this.matrix = matrix;
    }

    @GetMapping("/v1/severity-policy")
    List<LevelView> policy() {
        return Arrays.stream(Severity.values()).map(severity -> {
            SeverityMatrix.Targets targets = matrix.of(severity);
            return new LevelView(severity.name(), targets.responseTarget(), targets.responseTarget().toMinutes(),
                    targets.updateCadence(), minutes(targets.updateCadence()), targets.commanderRequired(),
                    targets.escalateAfter(), minutes(targets.escalateAfter()));
        }).toList();
    }

    private static Long minutes(Duration duration) {
        return duration == null ? null : duration.toMinutes();
    }
}
