package io.vigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void percentilesAreNearestRankOverEverySample() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int micros = 100_000; micros >= 1; micros--) {
            recorder.record(micros);
        }
        LatencyRecorder.Summary summary = recorder.summary();
        assertThat(summary.count()).isEqualTo(100_000);
        assertThat(summary.p50()).isEqualTo(50_000);
        assertThat(summary.p99()).isEqualTo(99_000);
        assertThat(summary.max()).isEqualTo(100_000);
    }

    @Test
    void emptyRecorderReportsZeros() {
        assertThat(new LatencyRecorder().summary()).isEqualTo(new LatencyRecorder.Summary(0, 0, 0, 0));
    }
}
