package io.vigil.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every Vigil service must show once started, checked the same way for each: it is ready only
 * with Postgres, Redis and Kafka up, Flyway made its schema with the outbox and inbox, it exports
 * its metrics for Prometheus, and it serves the OpenAPI document of its REST API. A service's {@code <Service>ApplicationIT} extends this with its
 * {@code @SpringBootTest} and may add checks of its own.
 */
public abstract class ServiceSmokeChecks {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.shared().springProperties("smoke").forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected DataSource dataSource;

    @Autowired
    protected Environment environment;

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
    void flywayMigratesTheServiceSchemaWithOutboxAndInbox() throws SQLException {
        String schema = environment.getRequiredProperty("vigil.service.schema");
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        assertThat(tables).contains("outbox", "inbox", "flyway_schema_history");
    }

    @Test
    void prometheusEndpointExportsVigilMetricsTaggedWithTheService() {
        HttpProbe.Response response = HttpProbe.localhost(port).get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("vigil_outbox_published_total")
                .contains("service=\"" + environment.getRequiredProperty("spring.application.name") + "\"");
    }

    @Test
    void servesItsOpenApiDocumentWithoutAToken() {
        HttpProbe.Response response = HttpProbe.localhost(port).get("/v3/api-docs");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode document = JsonMapper.builder().build().readTree(response.body());
        assertThat(document.path("openapi").asString()).startsWith("3.");
        assertThat(document.path("paths").size()).isPositive();
    }

    @Test
    void theRestApiWantsAnApiTokenAndSaysSoAsAProblemDocument() {
        HttpProbe.Response anonymous = HttpProbe.localhost(port).get("/v1/no-such-resource");
        HttpProbe.Response unknownToken = HttpProbe.localhost(port).withToken("guessed").get("/v1/no-such-resource");
        HttpProbe.Response viewer = HttpProbe.localhost(port).withToken(TestTokens.VIEWER).get("/v1/no-such-resource");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(unknownToken.status()).isEqualTo(401);
        assertThat(unknownToken.body()).contains("not a registered API token");
        assertThat(viewer.status()).as("past authentication, an unknown route is simply not found").isEqualTo(404);
    }
}
