package io.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.contracts.Fingerprints;
import io.vigil.incident.incident.application.AlertOutcome;
import io.vigil.incident.incident.application.RecordAlert;
import io.vigil.incident.incident.domain.AlertSignal;
import io.vigil.testkit.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Redis is only a shortcut: with it unreachable, duplicates still make exactly one incident. */
@SpringBootTest(classes = IncidentCoreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=incident-core", "spring.data.redis.timeout=500ms",
                "spring.data.redis.connect-timeout=500ms"})
class RedisDownIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.shared().springProperties("incident_core").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", RedisDownIT::closedPort);
    }

    @LocalServerPort
    int port;

    @Autowired
    RecordAlert recordAlert;

    @Test
    void withRedisUnreachableConcurrentDuplicatesStillOpenExactlyOneIncident() throws Exception {
        String service = "orders-" + UUID.randomUUID();
        String fingerprint = Fingerprints.fromDedupKey(service, "db-connections");
        int alerts = 1_000;
        List<Callable<AlertOutcome>> calls = new ArrayList<>();
        for (int i = 0; i < alerts; i++) {
            AlertSignal signal = new AlertSignal(UUID.randomUUID(), "generic", service, fingerprint, true,
                    "db connections exhausted", "critical", Instant.now());
            calls.add(() -> recordAlert.record(UUID.randomUUID(), signal, null));
        }
        List<AlertOutcome> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<AlertOutcome> outcome : pool.invokeAll(calls)) {
                outcomes.add(outcome.get());
            }
        }

        assertThat(outcomes).filteredOn(AlertOutcome.Opened.class::isInstance).hasSize(1);
        JsonNode incidents = new Api(port).get("/v1/incidents?service=" + service).json();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).get("alertCount").asInt()).isEqualTo(alerts);
        assertThat(new Api(port).get("/actuator/health/readiness").json().get("components").get("redis")
                .get("status").asString()).isEqualTo("DOWN");
    }

    private static String closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
