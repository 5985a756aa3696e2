package io.vigil.bench;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.Topics;
import io.vigil.contracts.Urgency;
import io.vigil.devstack.DemoConfiguration;
import io.vigil.devstack.RunningServices;
import io.vigil.devstack.VigilService;
import io.vigil.testkit.Infrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Timer lateness with many pending escalation timers (DESIGN section 7: p99 at most 1 s). Starts escalation-service
 * alone and opens {@code --timers=N} incidents (default 10,000) on incident-events.v1, as incident-core would, for a
 * service whose policy pages level 1 at once and level 2 after {@code --timer-delay=S} seconds (default 120). Every
 * level 1 fires and leaves its level-2 timer pending; the incidents are opened as fast as Kafka takes them, so the
 * level-2 timers fall due as fast as the service took the incidents on, or at an even pace over
 * {@code --timer-spread=S} seconds (default 0). With {@code --timer-herd=true} the bench re-dates every pending
 * level-2 timer, once all are pending, to one instant a few seconds ahead: the worst case, every timer due at once.
 * For each level-2 step it reads its due time and the time the poller claimed it from the
 * service's step rows (what {@code vigil_escalation_timer_lateness_seconds} records), and the time its
 * NotificationRequested reached Kafka (the record's timestamp, set by the outbox relay when it sends), so the figure
 * a person waits for includes the outbox.
 */
final class TimerLatenessLoad {

    private static final String CONFIG = """
            users:
              - {id: alice, name: Alice, email: alice@example.com, timeZone: UTC}
              - {id: bob, name: Bob, email: bob@example.com, timeZone: UTC}
            policies:
              - id: timers
                levels:
                  - {delay: %ds, targets: [{user: alice}]}
                  - {delay: 1h, targets: [{user: bob}]}
            services:
              %s: timers
            """;

    /**
     * What one run measured.
     *
     * @param herd              whether every level-2 timer was re-dated to fall due at one instant
     * @param pendingAtFirstDue level-2 timers pending just before the first of them fell due
     * @param opened            from the first IncidentOpened sent to the last level-1 page on Kafka
     * @param claimed           due time to claim by the poller, microseconds
     * @param published         due time to NotificationRequested on Kafka, microseconds
     * @param missing           level-2 pages not seen before the deadline
     */
    record Result(int timers, Duration delay, Duration spread, boolean herd, long pendingAtFirstDue, Duration opened,
            LatencyRecorder.Summary claimed, LatencyRecorder.Summary published, int missing) {
    }

    private TimerLatenessLoad() {
    }

    /** Runs the phase with the benchmark's options and writes its report. */
    static void run(Map<String, String> options) throws Exception {
        int timers = Integer.parseInt(options.getOrDefault("timers", "10000"));
        Duration delay = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timer-delay", "120")));
        Duration spread = Duration.ofSeconds(Long.parseLong(options.getOrDefault("timer-spread", "0")));
        boolean herd = Boolean.parseBoolean(options.getOrDefault("timer-herd", "false"));
        Path report = Path.of(options.getOrDefault("report", "platform/bench/target/bench-timers-report.md"));
        if (!spread.isZero() && spread.compareTo(delay) >= 0) {
            throw new IllegalArgumentException("--timer-spread must be shorter than --timer-delay, so that every "
                    + "timer is pending before the first falls due");
        }
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        Infrastructure infrastructure = Infrastructure.shared();
        Result result = measure(infrastructure, timers, delay, spread, herd);
        String text = report(result, infrastructure);
        System.out.println(text);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, text);
        System.out.println("Report written to " + report.toAbsolutePath());
        infrastructure.close();
    }

    static Result measure(Infrastructure infrastructure, int timers, Duration delay, Duration spread, boolean herd)
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String service = "timers-" + run;
        Path config = Files.createTempFile("bench-escalation-", ".yaml");
        config.toFile().deleteOnExit();
        Files.writeString(config, CONFIG.formatted(delay.toSeconds(), service));
        Map<String, Object> properties = new HashMap<>(DemoConfiguration.properties());
        properties.put("vigil.escalation.config-file", config.toUri().toString());
        // A group of its own: this run's incidents only, whatever an earlier run left in the group's offsets.
        properties.put("spring.kafka.consumer.group-id", "escalation-bench-" + run);
        Map<VigilService, Integer> ports = new HashMap<>(Map.of(VigilService.ESCALATION, 0));
        String bootstrap = infrastructure.kafka().bootstrapServers();

        try (RunningServices vigil = RunningServices.start(EnumSet.of(VigilService.ESCALATION),
                infrastructure.postgres().createDatabase("bench_timers"), infrastructure.redis(),
                infrastructure.kafka(), ports, properties);
             PageWatcher pages = new PageWatcher(bootstrap, service)) {
            JdbcTemplate jdbc = vigil.context(VigilService.ESCALATION).getBean(JdbcTemplate.class);

            System.out.printf("Opening %d incidents (level 2 due %s after each, opened over %s)...%n", timers, delay,
                    spread);
            long firstSent = System.nanoTime();
            Instant firstSentAt = Instant.now();
            open(bootstrap, service, timers, spread);
            pages.awaitLevel(1, timers, delay);
            Duration opened = Duration.ofNanos(pages.lastLevelOneNanos() - firstSent);
            System.out.printf("All level-1 pages on Kafka %.1f s after the first incident was sent%n",
                    opened.toMillis() / 1000.0);

            if (herd) {
                Instant once = Instant.now().plusSeconds(5);
                int redated = jdbc.update("update escalation_step set due_at = ? "
                        + "where status = 'PENDING' and kind = 'PAGE' and level = 2", Timestamp.from(once));
                System.out.printf("%d level-2 timers re-dated to fall due together at %s%n", redated, once);
            }
            // Just before the first level-2 timer falls due: how many are waiting.
            Timestamp firstDue = jdbc.queryForObject(
                    "select min(due_at) from escalation_step where kind = 'PAGE' and level = 2", Timestamp.class);
            Instant look = (firstDue == null ? firstSentAt.plus(delay) : firstDue.toInstant()).minusMillis(200);
            long wait = Duration.between(Instant.now(), look).toNanos();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Long pendingAtFirstDue = jdbc.queryForObject(
                    "select count(*) from escalation_step where status = 'PENDING' and kind = 'PAGE' and level = 2",
                    Long.class);
            System.out.printf("%d level-2 timers pending just before the first fell due; waiting for them...%n",
                    pendingAtFirstDue);
            pages.awaitLevel(2, timers, spread.plus(Duration.ofMinutes(5)));

            LatencyRecorder claimed = new LatencyRecorder();
            LatencyRecorder published = new LatencyRecorder();
            AtomicInteger missing = new AtomicInteger();
            jdbc.query("select incident_id, due_at, fired_at from escalation_step "
                    + "where kind = 'PAGE' and level = 2 and status = 'DONE'", rs -> {
                UUID incident = rs.getObject(1, UUID.class);
                Instant due = rs.getTimestamp(2).toInstant();
                Instant fired = rs.getTimestamp(3).toInstant();
                claimed.record(micros(due, fired));
                Long sentMillis = pages.levelTwoTimestamp(incident);
                if (sentMillis == null) {
                    missing.incrementAndGet();
                } else {
                    published.record(micros(due, Instant.ofEpochMilli(sentMillis)));
                }
            });
            int unfired = timers - claimed.summary().count();
            return new Result(timers, delay, spread, herd, pendingAtFirstDue == null ? 0 : pendingAtFirstDue, opened,
                    claimed.summary(), published.summary(), missing.get() + Math.max(0, unfired));
        }
    }

    /** Lateness in microseconds; a record timestamp has millisecond resolution, so a few hundred µs early is 0. */
    private static long micros(Instant due, Instant at) {
        return Math.max(0, Duration.between(due, at).toNanos() / 1000);
    }

    /** Publishes the incidents as incident-core would: IncidentOpened keyed by incident id, acks=all. */
    private static void open(String bootstrap, String service, int count, Duration spread) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrap);
        properties.put("acks", "all");
        properties.put("linger.ms", "5");
        EnvelopeCodec codec = new EnvelopeCodec();
        Clock clock = Clock.systemUTC();
        long start = System.nanoTime();
        long interval = spread.toNanos() / count;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                if (interval > 0) {
                    long wait = start + i * interval - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                }
                UUID id = UUID.randomUUID();
                IncidentOpened opened = new IncidentOpened(id, i + 1, "timer bench " + i, service,
                        IncidentSeverity.SEV2, Urgency.HIGH, "v1:timers-" + id, UUID.randomUUID(), clock.instant());
                producer.send(new ProducerRecord<>(Topics.INCIDENT_EVENTS, id.toString(),
                        codec.encode(Envelope.of(UUID.randomUUID(), id.toString(), opened, clock, null))));
            }
            producer.flush();
        }
    }

    /** Reads the run's pages from the end of notification-requests.v1: level-1 count, level-2 record timestamps. */
    private static final class PageWatcher implements AutoCloseable {

        private final Map<UUID, Long> levelTwo = new ConcurrentHashMap<>();
        private final AtomicInteger levelOne = new AtomicInteger();
        private volatile long lastLevelOneNanos;
        private final TopicTail tail;

        PageWatcher(String bootstrap, String service) {
            tail = new TopicTail(bootstrap, Topics.NOTIFICATION_REQUESTS, (record, message, now) -> {
                if (message instanceof NotificationRequested page && service.equals(page.service())) {
                    if (page.level() == 1) {
                        levelOne.incrementAndGet();
                        lastLevelOneNanos = now;
                    } else {
                        levelTwo.putIfAbsent(page.incidentId(), record.timestamp());
                    }
                }
            });
        }

        void awaitLevel(int level, int expected, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            long lastReport = System.nanoTime();
            while (seen(level) < expected && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                if (System.nanoTime() - lastReport > Duration.ofSeconds(10).toNanos()) {
                    System.out.printf("  level %d: %d of %d pages on Kafka%n", level, seen(level), expected);
                    lastReport = System.nanoTime();
                }
            }
        }

        private int seen(int level) {
            return level == 1 ? levelOne.get() : levelTwo.size();
        }

        long lastLevelOneNanos() {
            return lastLevelOneNanos;
        }

        Long levelTwoTimestamp(UUID incidentId) {
            return levelTwo.get(incidentId);
        }

        @Override
        public void close() throws InterruptedException {
            tail.close();
        }
    }

    private static String report(Result result, Infrastructure infrastructure) {
        return """
                # Vigil benchmark: escalation timer lateness

                - when: %s
                - machine: %d cores, %s, max heap %d MiB
                - infrastructure: Postgres %s, Redis %s, Kafka %s (all on this machine)
                - services in this JVM: escalation-service only; load generator in the same JVM
                - load: %d escalations; level 1 pages at once, level 2 falls due %d s later; incidents opened %s;
                  all level-1 pages were on Kafka %.1f s after the first incident was sent%s

                | measure | result |
                |---|---|
                | level-2 timers pending just before the first fell due | %d |
                | due → claimed by the poller (`vigil_escalation_timer_lateness_seconds`) | %s |
                | due → NotificationRequested on Kafka (via the outbox) | %s |
                | level-2 pages missing | %d |
                """.formatted(Instant.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                infrastructure.postgres().origin(), infrastructure.redis().origin(), infrastructure.kafka().origin(),
                result.timers(), result.delay().toSeconds(),
                result.spread().isZero() ? "as fast as Kafka took them"
                        : "at an even pace over " + result.spread().toSeconds() + " s",
                result.opened().toMillis() / 1000.0,
                result.herd() ? "; then every level-2 timer was re-dated to fall due at the same instant" : "",
                result.pendingAtFirstDue(), result.claimed().describe(),
                result.published().describe(), result.missing());
    }
}
