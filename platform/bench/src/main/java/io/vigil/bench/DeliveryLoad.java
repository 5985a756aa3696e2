package io.vigil.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.NotificationOutcome;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.Topics;
import io.vigil.contracts.Urgency;
import io.vigil.devstack.RunningServices;
import io.vigil.devstack.VigilService;
import io.vigil.testkit.Infrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deliveries per second to the fakes (issue 7 aims at 500/s on 2 cores). Starts notification-service alone with its
 * Slack client pointed at a WireMock Slack started here (answering {@code chat.postMessage} after
 * {@code --slack-latency-ms}, default 0), and a contact configuration in which every page goes to a person of its
 * own with a Slack DM and a rule "Slack at once for high urgency": Slack allows about one message a second to one
 * member, which the service honours, so distinct members make the figure the service's and not Slack's pacing. Then
 * it publishes {@code NotificationRequested} on notification-requests.v1 as escalation-service would and waits for
 * each one's SENT outcome on notification-outcomes.v1:
 * <ol>
 *   <li>a burst of {@code --deliveries=N} (default 5,000) published as fast as Kafka takes them: deliveries per
 *       second from the first request sent to the last SENT seen, and request → SENT latency;</li>
 *   <li>an even {@code --delivery-rate=R} per second (default 500) for {@code --delivery-seconds=S} (default 10):
 *       request → SENT latency at that rate.</li>
 * </ol>
 * The service runs with its shipped settings (poller batch, Slack rate limiter) unless {@code --delivery-batch=B}
 * changes the batch.
 */
final class DeliveryLoad {

    private static final int WARMUP = 500;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    /**
     * One measured run of pages.
     *
     * @param requests   pages published
     * @param sent       SENT outcomes seen for them
     * @param seconds    first request sent to last SENT seen
     * @param latency    request published → SENT outcome on Kafka, microseconds
     */
    record Run(int requests, int sent, double seconds, LatencyRecorder.Summary latency) {

        double perSecond() {
            return seconds == 0 ? 0 : sent / seconds;
        }
    }

    /** Everything the phase reports. */
    record Result(int users, Duration startup, Run burst, int rate, Run fixedRate, long slackCalls,
            Map<NotificationOutcome.Status, Integer> otherOutcomes, int slackLatencyMillis, int batch) {
    }

    private DeliveryLoad() {
    }

    /** Runs the phase with the benchmark's options and writes its report. */
    static void run(Map<String, String> options) throws Exception {
        int burst = Integer.parseInt(options.getOrDefault("deliveries", "5000"));
        int rate = Integer.parseInt(options.getOrDefault("delivery-rate", "500"));
        int seconds = Integer.parseInt(options.getOrDefault("delivery-seconds", "10"));
        int slackLatency = Integer.parseInt(options.getOrDefault("slack-latency-ms", "0"));
        int batch = Integer.parseInt(options.getOrDefault("delivery-batch", "0"));
        Path report = Path.of(options.getOrDefault("report", "platform/bench/target/bench-deliveries-report.md"));
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        Infrastructure infrastructure = Infrastructure.shared();
        Result result = measure(infrastructure, burst, rate, seconds, slackLatency, batch);
        String text = report(result, infrastructure);
        System.out.println(text);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, text);
        System.out.println("Report written to " + report.toAbsolutePath());
        infrastructure.close();
    }

    static Result measure(Infrastructure infrastructure, int burst, int rate, int seconds, int slackLatency,
            int batch) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        int users = WARMUP + burst + rate * seconds;
        Path config = Files.createTempFile("bench-notification-", ".yaml");
        config.toFile().deleteOnExit();
        Files.writeString(config, contacts(users));

        // The fake keeps no journal (it would hold every request for the whole run); a listener counts the calls.
        AtomicLong postMessages = new AtomicLong();
        WireMockServer slack = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .containerThreads(64).jettyAcceptors(2).disableRequestJournal()
                .extensions(new CallCounter("/api/chat.postMessage", postMessages)));
        slack.start();
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withFixedDelay(slackLatency)
                .withBody("{\"ok\":true,\"channel\":\"D0BENCH\",\"ts\":\"1780000000.000100\"}")));

        Map<String, Object> properties = new HashMap<>();
        properties.put("vigil.notification.config-file", config.toUri().toString());
        properties.put("vigil.notification.slack.bot-token", "xoxb-bench");
        properties.put("vigil.notification.slack.api-url", slack.baseUrl() + "/api/");
        if (batch > 0) {
            properties.put("vigil.notification.batch-size", batch);
        }
        // A group of its own: this run's pages only, whatever an earlier run left in the group's offsets.
        properties.put("spring.kafka.consumer.group-id", "notification-bench-" + run);
        String bootstrap = infrastructure.kafka().bootstrapServers();

        System.out.printf("Starting notification-service with %d users configured...%n", users);
        long starting = System.nanoTime();
        try (RunningServices vigil = RunningServices.start(EnumSet.of(VigilService.NOTIFICATION),
                infrastructure.postgres().createDatabase("bench_deliveries"), infrastructure.redis(),
                infrastructure.kafka(), new HashMap<>(Map.of(VigilService.NOTIFICATION, 0)), properties);
             OutcomeWatcher outcomes = new OutcomeWatcher(bootstrap);
             KafkaProducer<String, String> producer = producer(bootstrap)) {
            Duration startup = Duration.ofNanos(System.nanoTime() - starting);
            AtomicInteger nextUser = new AtomicInteger();
            JdbcTemplate jdbc = vigil.context(VigilService.NOTIFICATION).getBean(JdbcTemplate.class);
            Thread progress = Thread.ofPlatform().daemon().name("bench-delivery-progress")
                    .start(() -> printProgress(jdbc));

            System.out.printf("Warming up with %d pages...%n", WARMUP);
            page(producer, outcomes, nextUser, WARMUP, 0);
            outcomes.reset();

            System.out.printf("Burst of %d pages...%n", burst);
            Run burstRun = page(producer, outcomes, nextUser, burst, 0);
            System.out.printf("Burst: %.0f deliveries/s, %s%n", burstRun.perSecond(), burstRun.latency().describe());
            Map<NotificationOutcome.Status, Integer> other = new HashMap<>(outcomes.others());
            outcomes.reset();

            System.out.printf("%d pages/s for %d s...%n", rate, seconds);
            Run fixedRun = page(producer, outcomes, nextUser, rate * seconds, rate);
            System.out.printf("At %d/s: %s%n", rate, fixedRun.latency().describe());
            outcomes.others().forEach((status, count) -> other.merge(status, count, Integer::sum));
            long slackCalls = postMessages.get();
            progress.interrupt();
            return new Result(users, startup, burstRun, rate, fixedRun, slackCalls, other, slackLatency, batch);
        } finally {
            slack.stop();
        }
    }

    /**
     * Publishes {@code count} pages, each to the next user, as fast as the producer takes them or at {@code rate} a
     * second, and waits until each has its SENT outcome.
     */
    private static Run page(KafkaProducer<String, String> producer, OutcomeWatcher outcomes, AtomicInteger nextUser,
            int count, int rate) throws InterruptedException {
        EnvelopeCodec codec = new EnvelopeCodec();
        Clock clock = Clock.systemUTC();
        long interval = rate > 0 ? 1_000_000_000L / rate : 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (interval > 0) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            int user = nextUser.getAndIncrement();
            UUID incidentId = UUID.randomUUID();
            UUID requestId = UUID.randomUUID();
            NotificationRequested request = new NotificationRequested(requestId, incidentId, user + 1,
                    "delivery bench " + user, "bench", IncidentSeverity.SEV2, Urgency.HIGH, 1, 1,
                    new NotificationRequested.Recipient(userId(user), "Bench user " + user, null, null, "UTC"),
                    "user");
            outcomes.expect(requestId);
            producer.send(new ProducerRecord<>(Topics.NOTIFICATION_REQUESTS, incidentId.toString(),
                    codec.encode(Envelope.of(requestId, incidentId.toString(), request, clock, null))));
        }
        producer.flush();
        int sent = outcomes.awaitAll(PATIENCE);
        return new Run(count, sent, (outcomes.lastSentNanos() - start) / 1e9, outcomes.latency());
    }

    /**
     * Every second, where the pages are: taken from Kafka, planned as deliveries, sent, and outcomes still in the
     * outbox, so a slow run shows which stage holds the backlog.
     */
    private static void printProgress(JdbcTemplate jdbc) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(1000);
                Map<String, Object> row = jdbc.queryForMap("""
                        select (select count(*) from inbox where consumer = 'notification-requests') as taken,
                               (select count(*) from delivery) as planned,
                               (select count(*) from delivery where status = 'SENT') as sent,
                               (select count(*) from outbox) as outbox""");
                System.out.printf("  taken %s, planned %s, sent %s, outcomes waiting in the outbox %s%n",
                        row.get("taken"), row.get("planned"), row.get("sent"), row.get("outbox"));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                System.out.println("  progress unavailable: " + e.getMessage());
            }
        }
    }

    private static String userId(int user) {
        return "bench-" + user;
    }

    /** Every user with a Slack DM of their own and one rule: Slack at once for a high-urgency page. */
    private static String contacts(int users) {
        StringBuilder yaml = new StringBuilder("users:\n");
        for (int i = 0; i < users; i++) {
            yaml.append("""
                      %s:
                        contactMethods:
                          - {id: slack-dm, channel: slack, address: UBENCH%07d}
                        rules:
                          - {urgency: high, contactMethod: slack-dm, delay: 0s}
                    """.formatted(userId(i), i));
        }
        return yaml.toString();
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrap);
        properties.put("acks", "all");
        properties.put("linger.ms", "5");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    /** Counts the calls the fake answered on one path. */
    private record CallCounter(String path, AtomicLong calls) implements ServeEventListener {

        @Override
        public String getName() {
            return "call-counter";
        }

        @Override
        public boolean applyGlobally() {
            return true;
        }

        @Override
        public void afterComplete(ServeEvent event, Parameters parameters) {
            if (event.getRequest().getUrl().startsWith(path)) {
                calls.incrementAndGet();
            }
        }
    }

    /** Reads notification-outcomes.v1 from its end and times each expected request's SENT outcome. */
    private static final class OutcomeWatcher implements AutoCloseable {

        private final Map<UUID, Long> expected = new ConcurrentHashMap<>();
        private final Map<NotificationOutcome.Status, Integer> others = new ConcurrentHashMap<>();
        private final AtomicLong lastSent = new AtomicLong();
        private volatile LatencyRecorder latencies = new LatencyRecorder();
        private final TopicTail tail;

        OutcomeWatcher(String bootstrap) {
            tail = new TopicTail(bootstrap, Topics.NOTIFICATION_OUTCOMES, (record, message, now) -> {
                if (message instanceof NotificationOutcome outcome) {
                    if (outcome.status() != NotificationOutcome.Status.SENT) {
                        others.merge(outcome.status(), 1, Integer::sum);
                        return;
                    }
                    Long sent = outcome.requestId() == null ? null : expected.remove(outcome.requestId());
                    if (sent != null) {
                        latencies.record((now - sent) / 1000);
                        lastSent.set(now);
                    }
                }
            });
        }

        void expect(UUID requestId) {
            expected.put(requestId, System.nanoTime());
        }

        /** @return how many of the expected requests were sent before the timeout */
        int awaitAll(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!expected.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return latencies.summary().count();
        }

        long lastSentNanos() {
            return lastSent.get();
        }

        LatencyRecorder.Summary latency() {
            return latencies.summary();
        }

        Map<NotificationOutcome.Status, Integer> others() {
            return Map.copyOf(others);
        }

        void reset() {
            expected.clear();
            others.clear();
            latencies = new LatencyRecorder();
        }

        @Override
        public void close() throws InterruptedException {
            tail.close();
        }
    }

    private static String report(Result result, Infrastructure infrastructure) {
        return """
                # Vigil benchmark: deliveries

                - when: %s
                - machine: %d cores, %s, max heap %d MiB
                - infrastructure: Postgres %s, Redis %s, Kafka %s (all on this machine)
                - in this JVM: notification-service alone, a WireMock Slack (answers after %d ms) and the load generator
                - %d users, each with a Slack DM of their own and the rule "Slack at once for high urgency", so Slack's
                  one-message-a-second pacing per member never holds a page back; poller batch %s; started in %.1f s

                | measure | result |
                |---|---|
                | burst of %d pages: deliveries per second (first request sent → last SENT outcome) | %.0f/s (%d of %d sent in %.1f s) |
                | burst: request → SENT outcome on Kafka | %s |
                | %d pages/s for %d s: request → SENT outcome on Kafka | %s (%d of %d sent) |
                | chat.postMessage calls the fake Slack received | %d |
                | outcomes other than SENT | %s |
                """.formatted(Instant.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                infrastructure.postgres().origin(), infrastructure.redis().origin(), infrastructure.kafka().origin(),
                result.slackLatencyMillis(), result.users(),
                result.batch() > 0 ? Integer.toString(result.batch()) : "as shipped",
                result.startup().toMillis() / 1000.0,
                result.burst().requests(), result.burst().perSecond(), result.burst().sent(),
                result.burst().requests(), result.burst().seconds(), result.burst().latency().describe(),
                result.rate(), result.fixedRate().requests() / Math.max(1, result.rate()),
                result.fixedRate().latency().describe(), result.fixedRate().sent(), result.fixedRate().requests(),
                result.slackCalls(), result.otherOutcomes().isEmpty() ? "none" : result.otherOutcomes());
    }
}
