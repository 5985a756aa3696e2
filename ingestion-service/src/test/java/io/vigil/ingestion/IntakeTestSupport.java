package io.vigil.ingestion;

import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.Message;
import io.vigil.testkit.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running service the intake ITs share: one Spring context (so one start) for all classes extending
 * this, with one integration of each type declared through configuration.
 */
@SpringBootTest(classes = IngestionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=ingestion-service")
abstract class IntakeTestSupport {

    static final Infrastructure INFRA = Infrastructure.shared();
    static final SeededIntegrations SEEDED = new SeededIntegrations();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.springProperties("ingestion").forEach((key, value) -> registry.add(key, () -> value));
        SEEDED.register(registry);
    }

    @LocalServerPort
    int port;

    final EnvelopeCodec codec = new EnvelopeCodec();
    final JsonMapper json = JsonMapper.builder().build();

    IntakeClient client() {
        return new IntakeClient(port);
    }

    Message payloadOf(ConsumerRecord<String, String> record) {
        return codec.decode(record.value()).payload();
    }
}
