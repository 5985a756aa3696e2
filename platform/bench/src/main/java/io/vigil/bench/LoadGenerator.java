package io.vigil.bench;

import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.Topics;
import io.vigil.devstack.DemoConfiguration;
import io.vigil.devstack.RunningServices;
import io.vigil.devstack.VigilService;
import io.vigil.testkit.Infrastructure;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.json.JsonMapper;

/**
 * A load generator for a running Vigil (the devstack or any deployment) or for one it starts in this JVM. It sends
 * alerts through the PagerDuty or Alertmanager door at a fixed rate or as fast as they are accepted, from a number
 * of sources with a share of duplicates, and follows Kafka to measure, per distinct problem, accept → first
 * {@code IncidentOpened} and accept → first {@code NotificationRequested}. It checks that every distinct problem
 * opened an incident (zero loss) and that no page was requested twice, and writes a Markdown and a JSON report.
 *
 * <p>Options: {@code --url=http://localhost:8081} and {@code --kafka=127.0.0.1:9092} to load a running Vigil
 * (without them ingestion-service, incident-core and escalation-service start in this JVM);
 * {@code --door=pagerduty|alertmanager}; {@code --key=} the integration key (default: the devstack's demo key for
 * the door); {@code --rate=N} alerts/s or {@code --rate=max}; {@code --concurrency=64} for {@code max};
 * {@code --seconds=60}; {@code --sources=50}; {@code --duplicates=0.95}; {@code --warmup=10} seconds at 100 alerts/s
 * before measuring (not counted); {@code --report=path} (without extension).
 */
public final class LoadGenerator {

    private static final Duration SETTLE = Duration.ofSeconds(120);

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String door;
    private final String key;
    private final int sources;
    private final double duplicates;
    private final Random random = new Random(42);
    /** Distinct problem of each send, by sequence number; written by the sending loop only. */
    private final Map<Long, Integer> problemOfSend = new ConcurrentHashMap<>();
    private int problems;
    private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> openedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> pagedAt = new ConcurrentHashMap<>();
    private final Set<UUID> pageIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger repeatedPages = new AtomicInteger();
    private String startedHere;
    /** While warming up, alerts go out under another name, so they are neither timed nor counted. */
    private volatile boolean warmingUp;

    private LoadGenerator(String door, String key, int sources, double duplicates) {
        this.door = door;
        this.key = key;
        this.sources = sources;
        this.duplicates = duplicates;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.options(args);
        String door = options.getOrDefault("door", "pagerduty");
        if (!door.equals("pagerduty") && !door.equals("alertmanager")) {
            throw new IllegalArgumentException("--door must be pagerduty or alertmanager");
        }
        String key = options.getOrDefault("key", DemoConfiguration.INTEGRATIONS.stream()
                .filter(integration -> integration.type().equals(door)).findFirst().orElseThrow().key());
        LoadGenerator load = new LoadGenerator(door, key, Integer.parseInt(options.getOrDefault("sources", "50")),
                Double.parseDouble(options.getOrDefault("duplicates", "0.95")));
        Path report = Path.of(options.getOrDefault("report", "platform/bench/target/load-report"));
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");

        RunningServices inThisJvm = null;
        Infrastructure infrastructure = null;
        String url = options.get("url");
        String kafka = options.getOrDefault("kafka", "127.0.0.1:9092");
        if (url == null) {
            infrastructure = Infrastructure.shared();
            EnumSet<VigilService> services = EnumSet.of(VigilService.INGESTION, VigilService.INCIDENT_CORE,
                    VigilService.ESCALATION);
            Map<VigilService, Integer> ports = new HashMap<>();
            services.forEach(service -> ports.put(service, 0));
            Map<String, Object> properties = new HashMap<>(DemoConfiguration.properties());
            properties.put("vigil.incident.dedup-key-prefix", "load:" + UUID.randomUUID() + ":");
            properties.put("vigil.ingestion.rate-limit.events-per-minute", "100000000");
            inThisJvm = RunningServices.start(services, infrastructure.postgres().createDatabase("load"),
                    infrastructure.redis(), infrastructure.kafka(), ports, properties);
            url = inThisJvm.url(VigilService.INGESTION);
            kafka = infrastructure.kafka().bootstrapServers();
        }
        String text = load.run(url, kafka, options, report, inThisJvm == null ? null : url);
        System.out.println(text);
        if (inThisJvm != null) {
            inThisJvm.close();
            infrastructure.close();
        }
        System.exit(0);
    }

    private String run(String url, String kafka, Map<String, String> options, Path report) throws Exception {
        return run(url, kafka, options, report, null);
    }

    /** @param startedHere the URL of the Vigil this JVM started, {@code null} when loading one elsewhere */
    private String run(String url, String kafka, Map<String, String> options, Path report, String startedHere)
            throws Exception {
        this.startedHere = startedHere;
        String rate = options.getOrDefault("rate", "200");
        Duration seconds = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "60")));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "64"));
        URI target = URI.create(url + (door.equals("pagerduty") ? "/v2/enqueue"
                : "/api/v1/integrations/alertmanager?key=" + key));
        IntakeLoad intake = new IntakeLoad(target, Map.of(), (sequence, answeredAt) -> {
            Integer problem = problemOfSend.remove(sequence);
            if (problem != null) {
                acceptedAt.putIfAbsent(title(problem), answeredAt);
            }
        });
        IntakeLoad.Result sent;
        try (TopicTail incidents = new TopicTail(kafka, Topics.INCIDENT_EVENTS, (record, message, readAt) -> {
            if (message instanceof IncidentOpened opened && opened.title() != null && opened.title().startsWith(prefix())) {
                openedAt.putIfAbsent(opened.title(), readAt);
            }
        }); TopicTail pages = new TopicTail(kafka, Topics.NOTIFICATION_REQUESTS, (record, message, readAt) -> {
            if (message instanceof NotificationRequested page && page.title() != null
                    && page.title().startsWith(prefix())) {
                pagedAt.putIfAbsent(page.title(), readAt);
                if (!pageIds.add(page.requestId())) {
                    repeatedPages.incrementAndGet();
                }
            }
        })) {
            Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
            if (!warmUp.isZero()) {
                System.out.printf("Warming up for %s at 100 alerts/s (not measured)...%n", warmUp);
                warmingUp = true;
                intake.openLoop(100, warmUp, this::body);
                warmingUp = false;
                problems = 0;
                problemOfSend.clear();
                acceptedAt.clear();
                openedAt.clear();
                pagedAt.clear();
            }
            System.out.printf("Sending %s alerts/s through the %s door for %s (%d sources, %.0f%% duplicates)...%n",
                    rate, door, seconds, sources, duplicates * 100);
            sent = rate.equals("max")
                    ? intake.closedLoop(concurrency, seconds, this::body)
                    : intake.openLoop(Integer.parseInt(rate), seconds, this::body);
            System.out.println("Waiting for every distinct problem's incident and first page...");
            long deadline = System.nanoTime() + SETTLE.toNanos();
            while ((seen(openedAt) < acceptedAt.size() || seen(pagedAt) < acceptedAt.size())
                    && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        }
        Map<String, Object> result = result(url, rate, seconds, sent);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(Path.of(report + ".json"), JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValueAsString(result));
        String markdown = markdown(result);
        Files.writeString(Path.of(report + ".md"), markdown);
        return markdown + "\nReport written to " + report.toAbsolutePath() + ".md and .json";
    }

    /** How many of the accepted problems the map has seen. */
    private long seen(Map<String, Long> seenAt) {
        return acceptedAt.keySet().stream().filter(seenAt::containsKey).count();
    }

    private String prefix() {
        return "Load " + run + (warmingUp ? " warm-up " : " problem ");
    }

    private String title(int problem) {
        return prefix() + problem;
    }

    /** The next alert: a new problem, or with probability {@code duplicates} one already sent again. */
    private String body(long sequence) {
        int problem = problems < sources || random.nextDouble() >= duplicates
                ? problems++
                : random.nextInt(problems);
        problemOfSend.put(sequence, problem);
        String source = "source-" + (problem % sources);
        String dedupKey = run + (warmingUp ? "-warm-up-" : "-") + problem;
        if (door.equals("pagerduty")) {
            return """
                    {"routing_key":"%s","event_action":"trigger","dedup_key":"%s",\
                    "payload":{"summary":"%s","source":"%s","severity":"critical"}}"""
                    .formatted(key, dedupKey, title(problem), source);
        }
        String alertname = "Load_" + run + (warmingUp ? "_warm_up_" : "_") + problem;
        return """
                {"version":"4","groupKey":"{}:{alertname=\\"%s\\"}","status":"firing","receiver":"vigil",\
                "groupLabels":{"alertname":"%s"},"commonLabels":{"alertname":"%s"},"commonAnnotations":{},\
                "externalURL":"http://load-generator","truncatedAlerts":0,"alerts":[{"status":"firing",\
                "labels":{"alertname":"%s","instance":"%s","severity":"critical"},\
                "annotations":{"summary":"%s"},"startsAt":"%s","endsAt":"0001-01-01T00:00:00Z",\
                "generatorURL":"http://load-generator","fingerprint":"%016x"}]}"""
                .formatted(alertname, alertname, alertname, alertname, source, title(problem), Instant.now(),
                        warmingUp ? -1L - problem : problem);
    }

    private Map<String, Object> result(String url, String rate, Duration seconds, IntakeLoad.Result sent) {
        LatencyRecorder toIncident = new LatencyRecorder();
        LatencyRecorder toPage = new LatencyRecorder();
        List<String> missing = new ArrayList<>();
        acceptedAt.forEach((title, accepted) -> {
            Long opened = openedAt.get(title);
            if (opened == null) {
                missing.add(title);
            } else {
                toIncident.record(Math.max(0, opened - accepted) / 1000);
            }
            Long paged = pagedAt.get(title);
            if (paged != null) {
                toPage.record(Math.max(0, paged - accepted) / 1000);
            }
        });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("when", Instant.now().toString());
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("memoryMiB", totalMemoryMiB());
        result.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        result.put("target", url);
        result.put("vigilRssMiB", vigilRssMiB(url.equals(startedHere)));
        result.put("vigilRssOf", url.equals(startedHere) ? "this JVM, which hosts Vigil" : "the devstack process");
        result.put("door", door);
        result.put("rate", rate);
        result.put("seconds", seconds.toSeconds());
        result.put("sources", sources);
        result.put("duplicateShare", duplicates);
        result.put("sent", sent.sent());
        result.put("accepted", sent.accepted());
        result.put("otherAnswers", sent.otherStatuses());
        result.put("failures", sent.failures());
        result.put("acceptedPerSecond", Math.round(sent.acceptedPerSecond()));
        result.put("intakeLatencyMs", millis(sent.latency()));
        result.put("distinctProblemsAccepted", acceptedAt.size());
        result.put("incidentsOpened", acceptedAt.size() - missing.size());
        result.put("problemsWithoutIncident", missing.size());
        result.put("acceptToIncidentOpenedMs", millis(toIncident.summary()));
        result.put("problemsPaged", toPage.summary().count());
        result.put("acceptToFirstNotificationRequestedMs", millis(toPage.summary()));
        result.put("pageRequestsSeenTwice", repeatedPages.get());
        return result;
    }

    private static String describe(Object millis) {
        Map<?, ?> m = (Map<?, ?>) millis;
        return "p50 %s, p99 %s, max %s (%s samples)".formatted(m.get("p50"), m.get("p99"), m.get("max"), m.get("count"));
    }

    private static Map<String, Object> millis(LatencyRecorder.Summary summary) {
        Map<String, Object> millis = new LinkedHashMap<>();
        millis.put("count", summary.count());
        millis.put("p50", summary.p50() / 1000.0);
        millis.put("p99", summary.p99() / 1000.0);
        millis.put("max", summary.max() / 1000.0);
        return millis;
    }

    private static String markdown(Map<String, Object> r) {
        StringBuilder text = new StringBuilder("# Vigil load test\n\n");
        text.append("- when: %s%n- machine: %s cores, %s MiB memory, %s%n- target: %s; resident memory of %s: %s%n"
                .formatted(r.get("when"), r.get("cores"), r.get("memoryMiB"), r.get("jvm"), r.get("target"),
                        r.get("vigilRssOf"), r.get("vigilRssMiB") == null ? "not found" : r.get("vigilRssMiB") + " MiB"));
        text.append("- load: %s door, %s alerts/s for %s s, %s sources, %.0f%% duplicates%n%n".formatted(r.get("door"),
                r.get("rate"), r.get("seconds"), r.get("sources"), (double) r.get("duplicateShare") * 100));
        text.append("| measure | result |\n|---|---|\n");
        text.append("| sent / accepted / other answers / failures | %s / %s / %s / %s |%n".formatted(r.get("sent"),
                r.get("accepted"), r.get("otherAnswers"), r.get("failures")));
        text.append("| accepted per second | %s |%n".formatted(r.get("acceptedPerSecond")));
        text.append("| intake latency (ms) | %s |%n".formatted(describe(r.get("intakeLatencyMs"))));
        text.append("| distinct problems accepted → incidents opened | %s → %s (%s without an incident) |%n".formatted(
                r.get("distinctProblemsAccepted"), r.get("incidentsOpened"), r.get("problemsWithoutIncident")));
        text.append("| accept → IncidentOpened (ms) | %s |%n".formatted(describe(r.get("acceptToIncidentOpenedMs"))));
        text.append("| accept → first NotificationRequested (ms) | %s |%n".formatted(
                describe(r.get("acceptToFirstNotificationRequestedMs"))));
        text.append("| page requests seen twice | %s |%n".formatted(r.get("pageRequestsSeenTwice")));
        return text.toString();
    }

    private static long totalMemoryMiB() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024 * 1024);
        }
        return -1;
    }

    /** Resident memory of this JVM when it hosts Vigil, else of a devstack running on this machine. */
    private static Long vigilRssMiB(boolean hostedHere) {
        long self = ProcessHandle.current().pid();
        if (hostedHere) {
            return rssMiB(self);
        }
        return ProcessHandle.allProcesses()
                .filter(process -> process.pid() != self)
                .filter(process -> process.info().commandLine().orElse("").contains("vigil-devstack-exec.jar"))
                .findFirst()
                .map(process -> rssMiB(process.pid()))
                .orElse(null);
    }

    private static Long rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // Not Linux, or the process is gone: the report says so.
        }
        return null;
    }
}
