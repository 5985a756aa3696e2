package io.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = IncidentCoreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=incident-core")
class IncidentCoreApplicationIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.shared().springProperties("incident_core").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.kafka.consumer.group-id", () -> "incident-core-it-" + java.util.UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readinessReportsPostgresRedisAndKafkaUp() {
        HttpProbe.Response response = HttpProbe.localhost(port).get("/actuator/health/readiness");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode components = JsonMapper.builder().build().readTree(response.body()).get("components");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("redis").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("kafka").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void flywayMigratesTheServiceSchemaWithOutboxAndInbox() {
        assertThat(jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'incident'", String.class))
                .contains("outbox", "inbox", "flyway_schema_history");
    }

    @Test
    void prometheusEndpointExportsVigilMetrics() {
        HttpProbe.Response response = HttpProbe.localhost(port).get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("vigil_outbox_published_total").contains("service=\"incident-core\"");
    }
}
