package io.vigil.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testkit.HttpProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class IngestionApplicationIT extends IntakeTestSupport {

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
                "select table_name from information_schema.tables where table_schema = 'ingestion'", String.class))
                .contains("outbox", "inbox", "integration", "flyway_schema_history");
    }

    @Test
    void prometheusEndpointExportsVigilMetrics() {
        HttpProbe.Response response = HttpProbe.localhost(port).get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("vigil_outbox_published_total").contains("service=\"ingestion-service\"");
    }

    @Test
    void servesItsOpenApiDocumentWithoutAToken() {
        HttpProbe.Response response = HttpProbe.localhost(port).get("/v3/api-docs");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode document = JsonMapper.builder().build().readTree(response.body());
        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.path("paths").has("/v2/enqueue")).isTrue();
    }
}
