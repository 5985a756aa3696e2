package io.vigil.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.contracts.Topics;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.KraftBroker;
import io.vigil.testkit.TopicRecorder;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** Ingestion with a Kafka broker of its own that the test stops and starts again on the same port. */
@SpringBootTest(classes = IngestionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=ingestion-service")
class KafkaOutageIT {

    private static final KraftBroker BROKER = KraftBroker.temporary().start();
    private static final SeededIntegrations SEEDED = new SeededIntegrations();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.shared().springProperties("ingestion_outage").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
        SEEDED.register(registry);
    }

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void withKafkaDownAlertsAreRefusedWith503AndRetryAfterThenAcceptedWhenItIsBack() {
        assertThat(post("before").status()).isEqualTo(202);

        BROKER.stop();
        long started = System.nanoTime();
        HttpProbe.Response refused = post("during");
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(JsonMapper.builder().build().readTree(refused.body()).get("detail").asString())
                .contains("send this alert again");
        assertThat(waited).as("a client must get its answer before its own timeout").isLessThan(Duration.ofSeconds(5));

        HttpProbe.Response pagerDuty = new IntakeClient(port).postJson("/v2/enqueue", null, """
                {"routing_key": "%s", "event_action": "trigger",
                 "payload": {"summary": "disk full", "source": "db-1", "severity": "error"}}"""
                .formatted(SEEDED.key("pagerduty")));
        assertThat(pagerDuty.status()).as(pagerDuty.body()).isEqualTo(503);
        assertThat(pagerDuty.header("Retry-After")).isEqualTo("5");
        assertThat(JsonMapper.builder().build().readTree(pagerDuty.body()).get("status").asString())
                .isEqualTo("unavailable");

        BROKER.start();
        String after = "after-" + UUID.randomUUID();
        try (TopicRecorder alerts = TopicRecorder.record(BROKER.bootstrapServers(), Topics.ALERTS)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> post(after).status() == 202);
            alerts.awaitRecord(record -> record.value().contains(after), Duration.ofSeconds(20));
        }
    }

    private HttpProbe.Response post(String service) {
        return new IntakeClient(port).postJson("/v1/alerts", SEEDED.key("generic"), """
                {"service": "%s", "summary": "disk full", "severity": "error"}""".formatted(service));
    }
}
