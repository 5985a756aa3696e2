package io.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DockerProbeIT {

    @Test
    void dockerProbeAnswersWellWithinItsTimeoutAndNeverThrows() {
        long start = System.nanoTime();

        assertThatCode(() -> Docker.probe(Docker.PROBE_TIMEOUT)).doesNotThrowAnyException();

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("answered by Testcontainers, not ended by the timeout")
                .isLessThan(Docker.PROBE_TIMEOUT.dividedBy(2));
    }

    @Test
    void cachedAnswerAgreesWithAFreshProbe() {
        assertThat(Docker.isAvailable()).isEqualTo(Docker.probe(Docker.PROBE_TIMEOUT));
    }
}
