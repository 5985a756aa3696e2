package io.vigil.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;

/**
 * Sends alerts to ingestion-service over HTTP, either as fast as a fixed number of concurrent
 * senders allows (throughput) or at a fixed rate (latency at a given load, open loop: a slow answer
 * does not slow the schedule down, so queueing shows up in the latencies).
 */
final class IntakeLoad {

    /** What one run measured. */
    record Result(long sent, long accepted, Map<Integer, Long> otherStatuses, long failures, double seconds,
            LatencyRecorder.Summary latency) {

        double acceptedPerSecond() {
            return accepted / seconds;
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    /** Told of each accepted request: its sequence number and when its answer came ({@link System#nanoTime()}). */
    interface AcceptListener {
        void accepted(long sequence, long answeredAtNanos);
    }

    private final URI target;
    private final Map<String, String> headers;
    private final AcceptListener listener;

    IntakeLoad(URI target, Map<String, String> headers) {
        this(target, headers, (sequence, answeredAt) -> { });
    }

    IntakeLoad(URI target, Map<String, String> headers, AcceptListener listener) {
        this.target = target;
        this.headers = headers;
        this.listener = listener;
    }

    /** Keeps {@code concurrency} requests in flight for {@code duration}. */
    Result closedLoop(int concurrency, Duration duration, LongFunction<String> body) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        Counters counters = new Counters();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long sequence = 0;
        while (System.nanoTime() < end) {
            inFlight.acquire();
            long current = sequence++;
            send(current, body.apply(current), counters, inFlight::release);
        }
        inFlight.acquire(concurrency);
        return counters.result(sequence, (System.nanoTime() - start) / 1e9);
    }

    /** Starts {@code perSecond} requests a second for {@code duration}, whatever the answers take. */
    Result openLoop(int perSecond, Duration duration, LongFunction<String> body) throws InterruptedException {
        Counters counters = new Counters();
        long total = perSecond * duration.toSeconds();
        long intervalNanos = 1_000_000_000L / perSecond;
        Semaphore done = new Semaphore(0);
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            send(i, body.apply(i), counters, done::release);
        }
        done.acquire((int) total);
        return counters.result(total, (System.nanoTime() - start) / 1e9);
    }

    private void send(long sequence, String body, Counters counters, Runnable finished) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        long sentAt = System.nanoTime();
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            long answeredAt = System.nanoTime();
            long micros = (answeredAt - sentAt) / 1000;
            if (failure != null) {
                counters.failures.increment();
            } else if (response.statusCode() == 202 || response.statusCode() == 200) {
                counters.accepted.increment();
                counters.latency.record(micros);
                listener.accepted(sequence, answeredAt);
            } else {
                counters.statuses.computeIfAbsent(response.statusCode(), code -> new AtomicLong()).incrementAndGet();
            }
            finished.run();
        });
    }

    private static final class Counters {
        final LongAdder accepted = new LongAdder();
        final LongAdder failures = new LongAdder();
        final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        final LatencyRecorder latency = new LatencyRecorder();

        Result result(long sent, double seconds) {
            Map<Integer, Long> others = new java.util.TreeMap<>();
            statuses.forEach((code, count) -> others.put(code, count.get()));
            return new Result(sent, accepted.sum(), others, failures.sum(), seconds, latency.summary());
        }
    }
}
