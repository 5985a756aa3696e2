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
 * Vigil's benchmark: starts ingestion-service, incident-core and escalation-service in this JVM
 * (on the Postgres, Redis and Kafka the testkit finds), drives them over HTTP and reports what
 * DESIGN.md section 7 asks for. Options: {@code --seconds=N} per phase (default 20),
 * {@code --rate=N} for the fixed-rate phases (default 200), {@code --concurrency=N} (default 64),
 * {@code --report=path}, {@code --intake-only=true} (ingestion-service alone: throughput and latency),
 * {@code --phase=timers|deliveries|incident-core} (escalation timer lateness, notification deliveries per
 * second, incident-core's new-incident path: see {@link TimerLatenessLoad}, {@link DeliveryLoad},
 * {@link IncidentCoreLoad}).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        // A phase of its own measures one service against fakes; see each class for its options.
        switch (options.getOrDefault("phase", "all")) {
            case "timers" -> exitAfter(() -> TimerLatenessLoad.run(options));
            case "deliveries" -> exitAfter(() -> DeliveryLoad.run(options));
            case "incident-core" -> exitAfter(() -> IncidentCoreLoad.run(options));
            case "all" -> {
                // ingestion, incident-core and escalation together, below
            }
            default -> throw new IllegalArgumentException("--phase must be timers, deliveries, incident-core or all");
        }
        Duration phase = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20")));
        int rate = Integer.parseInt(options.getOrDefault("rate", "200"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "64"));
        Path report = Path.of(options.getOrDefault("report", "platform/bench/target/bench-report.md"));
        boolean intakeOnly = Boolean.parseBoolean(options.getOrDefault("intake-only", "false"));

        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        Infrastructure infrastructure = Infrastructure.shared();
        EnumSet<VigilService> services = intakeOnly
                ? EnumSet.of(VigilService.INGESTION)
                : EnumSet.of(VigilService.INGESTION, VigilService.INCIDENT_CORE, VigilService.ESCALATION);
        Map<VigilService, Integer> ports = new HashMap<>();
        services.forEach(service -> ports.put(service, 0));
        try (RunningServices vigil = RunningServices.start(services, infrastructure.postgres().createDatabase("bench"),
                infrastructure.redis(), infrastructure.kafka(), ports, properties())) {
            URI alerts = URI.create(vigil.url(VigilService.INGESTION) + "/v1/alerts");
            IntakeLoad load = new IntakeLoad(alerts, Map.of("Authorization", "Bearer " + DemoConfiguration.genericKey()));
            String run = UUID.randomUUID().toString().substring(0, 8);

            System.out.println("Warming up...");
            load.closedLoop(concurrency, Duration.ofSeconds(5), i -> alert("warmup-" + run, "w" + (i % 50)));

            System.out.printf("Intake throughput: %d concurrent senders for %s...%n", concurrency, phase);
            IntakeLoad.Result throughput = load.closedLoop(concurrency, phase,
                    i -> alert("storm-" + run, "source-" + (i % 50)));

            if (intakeOnly) {
                IntakeLoad.Result fixed = load.openLoop(rate, phase, i -> alert("fixed-" + run, "k" + (i % 50)));
                String text = intakeReport(throughput, concurrency, fixed, rate, infrastructure);
                System.out.println(text);
                Files.createDirectories(report.toAbsolutePath().getParent());
                Files.writeString(report, text);
                System.out.println("Report written to " + report.toAbsolutePath());
                infrastructure.close();
                System.exit(0);
            }
            System.out.println("Waiting for incident-core to work through the alerts sent so far...");
            Duration drained = awaitDrained(infrastructure.kafka().bootstrapServers(), "incident-core", Topics.ALERTS,
                    Duration.ofMinutes(5));
            System.out.printf("Drained in %.1f s%n", drained.toMillis() / 1000.0);
            System.out.printf("Alert to IncidentOpened at %d alerts/s for %s...%n", rate, phase);
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            String service = "e2e-" + run;
            LatencyRecorder toIncident = new LatencyRecorder();
            IntakeLoad.Result fixedRate;
            try (OpenedWatcher watcher = new OpenedWatcher(infrastructure.kafka().bootstrapServers(), sentAt,
                    toIncident)) {
                fixedRate = load.openLoop(rate, phase, i -> {
                    String key = "problem-" + i;
                    sentAt.put(Fingerprints.fromDedupKey(service, key), System.nanoTime());
                    return alert(service, key);
                });
                watcher.awaitCount((int) fixedRate.accepted(), Duration.ofSeconds(60));
            }
            String text = report(throughput, concurrency, fixedRate, rate, toIncident.summary(), infrastructure);
            System.out.println(text);
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.writeString(report, text);
            System.out.println("Report written to " + report.toAbsolutePath());
        }
        infrastructure.close();
        System.exit(0);
    }

    /** Something a phase runs, which may throw anything. */
    private interface Phase {
        void run() throws Exception;
    }

    private static void exitAfter(Phase phase) throws Exception {
        phase.run();
        System.exit(0);
    }

    private static Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>(DemoConfiguration.properties());
        properties.put("vigil.incident.dedup-key-prefix", "bench:" + UUID.randomUUID() + ":");
        // The benchmark is the one client: the per-integration rate limit would measure itself.
        properties.put("vigil.ingestion.rate-limit.events-per-minute", "100000000");
        return properties;
    }

    /** Waits until the consumer group has committed every record of the topic; returns how long that took. */
    private static Duration awaitDrained(String bootstrap, String group, String topic, Duration timeout)
            throws Exception {
        long start = System.nanoTime();
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", bootstrap))) {
            while (System.nanoTime() - start < timeout.toNanos()) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                                org.apache.kafka.clients.admin.OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                boolean drained = ends.entrySet().stream().allMatch(end -> {
                    var offset = committed.get(end.getKey());
                    return end.getValue().offset() == 0 || (offset != null && offset.offset() >= end.getValue().offset());
                });
                if (drained) {
                    break;
                }
                Thread.sleep(250);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String alert(String service, String dedupKey) {
        return """
                {"service":"%s","summary":"Bench alert %s","severity":"critical","dedupKey":"%s","labels":{"bench":"true"}}"""
                .formatted(service, dedupKey, dedupKey);
    }

    private static String report(IntakeLoad.Result throughput, int concurrency, IntakeLoad.Result fixedRate, int rate,
            LatencyRecorder.Summary toIncident, Infrastructure infrastructure) {
        return """
                # Vigil benchmark

                - when: %s
                - machine: %d cores, %s, max heap %d MiB
                - infrastructure: Postgres %s, Redis %s, Kafka %s (all on this machine)
                - services in this JVM: ingestion-service, incident-core, escalation-service; load generator in the same JVM

                | measure | result |
                |---|---|
                | intake throughput (%d concurrent senders, %.0f s) | %.0f alerts/s accepted (%d accepted, other answers %s, failures %d) |
                | intake latency during that run | %s |
                | intake latency at %d alerts/s (%.0f s, open loop) | %s |
                | alert accepted → IncidentOpened on Kafka at %d alerts/s | %s |
                | alerts at %d/s that opened an incident | %d of %d accepted |
                """.formatted(Instant.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                infrastructure.postgres().origin(), infrastructure.redis().origin(), infrastructure.kafka().origin(),
                concurrency, throughput.seconds(), throughput.acceptedPerSecond(), throughput.accepted(),
                throughput.otherStatuses(), throughput.failures(), throughput.latency().describe(),
                rate, fixedRate.seconds(), fixedRate.latency().describe(),
                rate, toIncident.describe(), rate, toIncident.count(), fixedRate.accepted());
    }

    private static String intakeReport(IntakeLoad.Result throughput, int concurrency, IntakeLoad.Result fixedRate,
            int rate, Infrastructure infrastructure) {
        return """
                # Vigil benchmark: intake alone

                - when: %s
                - machine: %d cores, %s, max heap %d MiB
                - infrastructure: Postgres %s, Redis %s, Kafka %s (all on this machine)
                - services in this JVM: ingestion-service only; load generator in the same JVM

                | measure | result |
                |---|---|
                | intake throughput (%d concurrent senders, %.0f s) | %.0f alerts/s accepted (%d accepted, other answers %s, failures %d) |
                | intake latency during that run | %s |
                | intake latency at %d alerts/s (%.0f s, open loop) | %s |
                """.formatted(Instant.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                infrastructure.postgres().origin(), infrastructure.redis().origin(), infrastructure.kafka().origin(),
                concurrency, throughput.seconds(), throughput.acceptedPerSecond(), throughput.accepted(),
                throughput.otherStatuses(), throughput.failures(), throughput.latency().describe(),
                rate, fixedRate.seconds(), fixedRate.latency().describe());
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + " (expected --name=value)");
            }
        }
        return options;
    }
}
