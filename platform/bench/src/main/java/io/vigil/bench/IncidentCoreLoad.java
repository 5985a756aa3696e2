package io.vigil.bench;

import io.vigil.contracts.Fingerprints;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.Topics;
import io.vigil.devstack.DemoConfiguration;
import io.vigil.devstack.RunningServices;
import io.vigil.devstack.VigilService;
import io.vigil.testkit.Infrastructure;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/**
 * ingestion-service and incident-core together, without escalation (issue 5 aims at 1,000 alerts/s through both
 * on 2 cores, and p99 alert → {@code IncidentOpened} ≤ 250 ms at 200 alerts/s). Every alert of the first two
 * phases opens an incident of its own, the hardest case for incident-core:
 * <ol>
 *   <li>{@code --rate=R} new-incident alerts per second (default 200) for {@code --seconds=S} (default 20), open
 *       loop: alert sent → {@code IncidentOpened} on incident-events.v1;</li>
 *   <li>{@code --concurrency=C} senders (default 64) as fast as intake takes them for S seconds: alerts per second
 *       from the first sent to the last incident opened;</li>
 *   <li>the same with the alerts of 50 problems (deduplication): alerts per second from the first sent to the last
 *       one recorded by incident-core (its consumer group has committed the whole topic).</li>
 * </ol>
 */
final class IncidentCoreLoad {

    private IncidentCoreLoad() {
    }

    static void run(Map<String, String> options) throws Exception {
        Duration phase = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20")));
        int rate = Integer.parseInt(options.getOrDefault("rate", "200"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "64"));
        Path report = Path.of(options.getOrDefault("report", "platform/bench/target/bench-incident-core.md"));

        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        Infrastructure infrastructure = Infrastructure.shared();
        EnumSet<VigilService> services = EnumSet.of(VigilService.INGESTION, VigilService.INCIDENT_CORE);
        Map<VigilService, Integer> ports = new HashMap<>();
        services.forEach(service -> ports.put(service, 0));
        Map<String, Object> properties = new HashMap<>(DemoConfiguration.properties());
        properties.put("vigil.incident.dedup-key-prefix", "bench:" + UUID.randomUUID() + ":");
        properties.put("vigil.ingestion.rate-limit.events-per-minute", "100000000");
        String bootstrap = infrastructure.kafka().bootstrapServers();
        try (RunningServices vigil = RunningServices.start(services,
                infrastructure.postgres().createDatabase("bench_incident_core"), infrastructure.redis(),
                infrastructure.kafka(), ports, properties)) {
            IntakeLoad load = new IntakeLoad(URI.create(vigil.url(VigilService.INGESTION) + "/v1/alerts"),
                    Map.of("Authorization", "Bearer " + DemoConfiguration.genericKey()));
            String run = UUID.randomUUID().toString().substring(0, 8);

            System.out.println("Warming up...");
            load.closedLoop(concurrency, Duration.ofSeconds(5), i -> alert("warmup-" + run, "w" + i));
            awaitDrained(bootstrap, Duration.ofMinutes(5));

            System.out.printf("New incidents at %d alerts/s for %s...%n", rate, phase);
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            LatencyRecorder toIncident = new LatencyRecorder();
            String paced = "paced-" + run;
            IntakeLoad.Result fixedRate;
            try (OpenedWatcher watcher = new OpenedWatcher(bootstrap, sentAt, toIncident)) {
                fixedRate = load.openLoop(rate, phase, i -> {
                    sentAt.put(Fingerprints.fromDedupKey(paced, "p" + i), System.nanoTime());
                    return alert(paced, "p" + i);
                });
                watcher.awaitCount((int) fixedRate.accepted(), Duration.ofMinutes(2));
            }

            System.out.printf("New incidents, %d concurrent senders for %s...%n", concurrency, phase);
            String storm = "storm-" + run;
            long stormStart = System.nanoTime();
            IntakeLoad.Result newStorm;
            try (OpenedWatcher watcher = new OpenedWatcher(bootstrap, new ConcurrentHashMap<>(), null)) {
                newStorm = load.closedLoop(concurrency, phase, i -> alert(storm, "s" + i));
                watcher.awaitCount((int) newStorm.accepted(), Duration.ofMinutes(5));
            }
            double newSeconds = (System.nanoTime() - stormStart) / 1e9;

            System.out.printf("Duplicates of 50 problems, %d concurrent senders for %s...%n", concurrency, phase);
            String dup = "dup-" + run;
            long dupStart = System.nanoTime();
            IntakeLoad.Result dupStorm = load.closedLoop(concurrency, phase, i -> alert(dup, "d" + (i % 50)));
            awaitDrained(bootstrap, Duration.ofMinutes(5));
            double dupSeconds = (System.nanoTime() - dupStart) / 1e9;

            String text = """
                    # Vigil benchmark: ingestion-service and incident-core

                    - when: %s
                    - machine: %d cores, %s, max heap %d MiB
                    - infrastructure: Postgres %s, Redis %s, Kafka %s (all on this machine)
                    - services in this JVM: ingestion-service, incident-core; load generator in the same JVM

                    | measure | result |
                    |---|---|
                    | alert accepted → IncidentOpened at %d new-incident alerts/s (%.0f s, open loop) | %s |
                    | intake latency during that run | %s |
                    | new-incident alerts, %d senders: accepted | %.0f alerts/s (%d in %.0f s) |
                    | new-incident alerts, %d senders: through incident-core (first sent → last IncidentOpened) | %.0f alerts/s |
                    | duplicate alerts (50 problems), %d senders: accepted | %.0f alerts/s (%d in %.0f s) |
                    | duplicate alerts, %d senders: through incident-core (first sent → topic consumed) | %.0f alerts/s |
                    """.formatted(Instant.now(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name") + " " + Runtime.version(),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024),
                    infrastructure.postgres().origin(), infrastructure.redis().origin(), infrastructure.kafka().origin(),
                    rate, fixedRate.seconds(), toIncident.summary().describe(), fixedRate.latency().describe(),
                    concurrency, newStorm.acceptedPerSecond(), newStorm.accepted(), newStorm.seconds(),
                    concurrency, newStorm.accepted() / newSeconds,
                    concurrency, dupStorm.acceptedPerSecond(), dupStorm.accepted(), dupStorm.seconds(),
                    concurrency, dupStorm.accepted() / dupSeconds);
            System.out.println(text);
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.writeString(report, text);
            System.out.println("Report written to " + report.toAbsolutePath());
        }
        infrastructure.close();
    }

    private static String alert(String service, String dedupKey) {
        return """
                {"service":"%s","summary":"Bench alert %s","severity":"critical","dedupKey":"%s","labels":{"bench":"true"}}"""
                .formatted(service, dedupKey, dedupKey);
    }

    /** Waits until incident-core's consumer group has committed every record of alerts.v1. */
    private static void awaitDrained(String bootstrap, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", bootstrap))) {
            while (System.nanoTime() < deadline) {
                var committed = admin.listConsumerGroupOffsets("incident-core").partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(List.of(Topics.ALERTS)).allTopicNames().get().get(Topics.ALERTS).partitions()
                        .forEach(p -> latest.put(new TopicPartition(Topics.ALERTS, p.partition()),
                                org.apache.kafka.clients.admin.OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                if (ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                        || (committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() >= end.getValue().offset()))) {
                    return;
                }
                Thread.sleep(100);
            }
        }
    }
}
