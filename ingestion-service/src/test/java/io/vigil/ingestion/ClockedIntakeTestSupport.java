package io.vigil.ingestion;

import io.vigil.contracts.EnvelopeCodec;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.MutableClock;
import java.time.Clock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running service for tests that drive time: its clock is a {@link MutableClock} the tests only ever move
 * forward by whole minutes (so a minute's second hand stays at :30), the rate limit is 5 events per minute per
 * integration and heartbeats are checked every 200 ms.
 */
@SpringBootTest(classes = IngestionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=ingestion-service", "vigil.ingestion.rate-limit.events-per-minute=5",
                "vigil.ingestion.heartbeats.check-interval=200ms"})
@Import(ClockedIntakeTestSupport.Time.class)
abstract class ClockedIntakeTestSupport {

    static final MutableClock CLOCK = MutableClock.at("2026-06-01T10:00:30Z");
    static final SeededIntegrations SEEDED = new SeededIntegrations();

    @TestConfiguration
    static class Time {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.shared().springProperties("ingestion_clocked").forEach((key, value) -> registry.add(key, () -> value));
        SEEDED.register(registry);
    }

    @LocalServerPort
    int port;

    final JsonMapper json = JsonMapper.builder().build();
    final EnvelopeCodec codec = new EnvelopeCodec();
}
