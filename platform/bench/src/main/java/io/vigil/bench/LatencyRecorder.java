package io.vigil.bench;

import java.util.Arrays;

/** Latencies in microseconds, kept whole so percentiles are exact rather than estimated. */
final class LatencyRecorder {

    private long[] samples = new long[1 << 16];
    private int size;

    synchronized void record(long micros) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = micros;
    }

    synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        return new Summary(size, percentile(sorted, 0.50), percentile(sorted, 0.99), size == 0 ? 0 : sorted[size - 1]);
    }

    /** Nearest-rank percentile. */
    static long percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Count and percentiles in microseconds. */
    record Summary(int count, long p50, long p99, long max) {

        String describe() {
            return "p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)"
                    .formatted(p50 / 1000.0, p99 / 1000.0, max / 1000.0, count);
        }
    }
}
