package io.vigil.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.contracts.Topics;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.TopicRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Intake whose Redis is a closed port: the rate limit cannot be checked, alerts must still get in. */
@SpringBootTest(classes = IngestionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=ingestion-service")
class RedisOutageIT {

    private static final SeededIntegrations SEEDED = new SeededIntegrations();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.shared().springProperties("ingestion_noredis").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", RedisOutageIT::closedPort);
        SEEDED.register(registry);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    @Test
    void withRedisDownAlertsAreAcceptedAndTheUncheckedEventsAreCounted() {
        String marker = "no-redis-" + UUID.randomUUID();
        IntakeClient client = new IntakeClient(port);
        assertThat(client.postJson("/v1/alerts", SEEDED.key("generic"), """
                {"summary": "first, with the service warming up", "severity": "info"}""").status()).isEqualTo(202);
        try (TopicRecorder alerts = TopicRecorder.record(Infrastructure.shared().kafka().bootstrapServers(), Topics.ALERTS)) {
            long started = System.nanoTime();
            HttpProbe.Response response = client.postJson("/v1/alerts", SEEDED.key("generic"), """
                    {"summary": "%s", "severity": "critical"}""".formatted(marker));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.status()).as(response.body()).isEqualTo(202);
            assertThat(took).as("Redis being down must not hold the alert up").isLessThan(Duration.ofSeconds(1));
            alerts.awaitRecord(r -> r.value().contains(marker), Duration.ofSeconds(20));
        }
        String metrics = HttpProbe.localhost(port).get("/actuator/prometheus").body();
        assertThat(metrics.lines().filter(line -> line.startsWith("vigil_ingest_ratelimit_unavailable_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum())
                .isGreaterThanOrEqualTo(2);
    }
}
