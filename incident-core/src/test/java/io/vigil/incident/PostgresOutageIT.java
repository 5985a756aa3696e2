package io.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.contracts.AlertReceived;
import io.vigil.contracts.AlertSeverity;
import io.vigil.contracts.AlertStatus;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.Fingerprints;
import io.vigil.contracts.Topics;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.TopicRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Postgres going away pauses the alert consumer; when it is back, every alert is there and none was dead-lettered. */
@SpringBootTest(classes = IncidentCoreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=incident-core", "spring.datasource.hikari.connection-timeout=1000",
                "vigil.platform.kafka.database-retry=500ms"})
class PostgresOutageIT {

    private static final Infrastructure INFRA = Infrastructure.shared();
    private static final Pattern HOST_AND_PORT = Pattern.compile("//([^:/]+):(\\d+)/");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static TcpProxy postgres;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Map<String, String> properties = INFRA.springProperties("incident_core");
        properties.forEach((key, value) -> registry.add(key, () -> value));
        String url = properties.get("spring.datasource.url");
        Matcher target = HOST_AND_PORT.matcher(url);
        assertThat(target.find()).as(url).isTrue();
        postgres = new TcpProxy(target.group(1), Integer.parseInt(target.group(2)));
        registry.add("spring.datasource.url", () -> target.replaceFirst("//127.0.0.1:" + postgres.port() + "/"));
        registry.add("spring.kafka.consumer.group-id", () -> "incident-core-it-" + UUID.randomUUID());
    }

    @AfterAll
    static void stopProxy() {
        postgres.close();
    }

    @LocalServerPort
    int port;

    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Test
    void alertsSentWhilePostgresIsDownAreProcessedWhenItReturns() {
        Api api = new Api(port);
        String service = "outage-" + UUID.randomUUID();
        send(alert(service, "before"));
        await().atMost(PATIENCE).until(() -> api.get("/v1/incidents?service=" + service).json().size() == 1);
        double waitsBefore = waits(api);

        try (TopicRecorder deadLetters = TopicRecorder.record(INFRA.kafka().bootstrapServers(),
                Topics.deadLetter(Topics.ALERTS))) {
            postgres.cut();
            Envelope<AlertReceived> during = alert(service, "during");
            Envelope<AlertReceived> duringToo = alert(service, "during-too");
            send(during);
            send(duringToo);
            // More failed attempts than the platform's bounded retries allow before dead-lettering.
            await().atMost(PATIENCE).until(() -> waits(api) >= waitsBefore + 6);
            postgres.restore();

            await().atMost(PATIENCE).until(() -> api.get("/v1/incidents?service=" + service).json().size() == 3);
            assertThat(deadLetters.records()).noneMatch(record -> record.key().equals(during.aggregateId())
                    || record.key().equals(duringToo.aggregateId()));
        }
    }

    /** The consumer's wait counter, read from the Prometheus page, which does not need Postgres. */
    private static double waits(Api api) {
        Matcher line = Pattern.compile("(?m)^vigil_consumer_database_waits_total\\{[^}]*} (\\S+)$")
                .matcher(api.text("/actuator/prometheus"));
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    private void send(Envelope<AlertReceived> alert) {
        TopicRecorder.send(INFRA.kafka().bootstrapServers(), Topics.ALERTS, alert.aggregateId(), codec.encode(alert));
    }

    private static Envelope<AlertReceived> alert(String service, String dedupKey) {
        String fingerprint = Fingerprints.fromDedupKey(service, dedupKey);
        UUID alertId = UUID.randomUUID();
        Instant now = Instant.now();
        AlertReceived alert = new AlertReceived(alertId, "generic", service, fingerprint, dedupKey,
                AlertStatus.FIRING, dedupKey, AlertSeverity.ERROR, null, Map.of(), Map.of(), null, null, now, null,
                now);
        return Envelope.of(alertId, fingerprint, alert, Clock.systemUTC(), null);
    }
}
