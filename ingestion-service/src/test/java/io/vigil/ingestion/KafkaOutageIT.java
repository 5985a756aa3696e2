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

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.shared().springProperties("ingestion_outage").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

    @LocalServerPort
    int port;

    @Test
    void withKafkaDownAlertsAreRefusedWith503AndRetryAfterThenAcceptedWhenItIsBack() {
        HttpProbe http = HttpProbe.localhost(port);
        assertThat(post(http, "before").status()).isEqualTo(202);

        BROKER.stop();
        long started = System.nanoTime();
        HttpProbe.Response refused = post(http, "during");
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(JsonMapper.builder().build().readTree(refused.body()).get("detail").asString())
                .contains("send this alert again");
        assertThat(waited).as("a client must get its answer before its own timeout").isLessThan(Duration.ofSeconds(5));

        BROKER.start();
        String after = "after-" + UUID.randomUUID();
        try (TopicRecorder alerts = TopicRecorder.record(BROKER.bootstrapServers(), Topics.ALERTS)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> post(http, after).status() == 202);
            alerts.awaitRecord(record -> record.value().contains(after), Duration.ofSeconds(20));
        }
    }

    private static HttpProbe.Response post(HttpProbe http, String service) {
        return http.postJson("/v1/alerts", """
                {"service": "%s", "summary": "disk full", "severity": "error"}""".formatted(service));
    }
}
