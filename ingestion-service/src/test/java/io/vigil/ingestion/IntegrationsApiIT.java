package io.vigil.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.ingestion.integration.application.DeclareIntegrations;
import io.vigil.ingestion.integration.domain.IntegrationKeys;
import io.vigil.ingestion.integration.domain.SourceType;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.TestTokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class IntegrationsApiIT extends IntakeTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeclareIntegrations declareIntegrations;

    private JsonNode create(String name, String type, String service) {
        HttpProbe.Response response = client().postJson("/v1/integrations", TestTokens.ADMIN, """
                {"name": "%s", "type": "%s", "service": "%s"}""".formatted(name, type, service));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private int alert(String key) {
        return client().postJson("/v1/alerts", key, """
                {"summary": "probe", "severity": "info"}""").status();
    }

    @Test
    void createdIntegrationShowsItsKeyOnceAndTheKeyWorksAtItsDoor() {
        String name = "scripts-" + UUID.randomUUID();
        JsonNode created = create(name, "generic", "billing");

        String key = created.get("key").asString();
        assertThat(key).matches("[0-9a-f]{32}");
        assertThat(created.get("type").asString()).isEqualTo("generic");
        assertThat(created.get("service").asString()).isEqualTo("billing");
        assertThat(created.get("enabled").asBoolean()).isTrue();
        assertThat(alert(key)).isEqualTo(202);

        JsonNode listed = json.readTree(client().get("/v1/integrations", TestTokens.VIEWER).body());
        JsonNode mine = listed.valueStream().filter(i -> i.get("name").asString().equals(name)).findFirst().orElseThrow();
        assertThat(mine.get("id").asString()).isEqualTo(created.get("id").asString());
        assertThat(mine.has("key") && !mine.get("key").isNull()).as("a listed integration shows no key").isFalse();
    }

    @Test
    void onlyTheHashOfAKeyIsStored() {
        JsonNode created = create("hashed-" + UUID.randomUUID(), "alertmanager", "infra");
        String key = created.get("key").asString();

        List<String> stored = jdbc.queryForList("select key_hash from integration where id = ?::uuid", String.class,
                created.get("id").asString());
        assertThat(stored).containsExactly(IntegrationKeys.hash(key));
        assertThat(jdbc.queryForObject("select count(*) from integration where key_hash like ?", Integer.class,
                "%" + key + "%")).isZero();
    }

    @Test
    void rotatedKeyReplacesTheOldOne() {
        JsonNode created = create("rotating-" + UUID.randomUUID(), "generic", "search");
        String oldKey = created.get("key").asString();
        assertThat(alert(oldKey)).isEqualTo(202);

        HttpProbe.Response rotated = client().postJson("/v1/integrations/" + created.get("id").asString() + "/rotate-key",
                TestTokens.ADMIN, "");
        assertThat(rotated.status()).isEqualTo(200);
        String newKey = json.readTree(rotated.body()).get("key").asString();

        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(alert(oldKey)).isEqualTo(401);
        assertThat(alert(newKey)).isEqualTo(202);
    }

    @Test
    void disabledIntegrationsKeyIsRefused() {
        JsonNode created = create("disabled-" + UUID.randomUUID(), "generic", "search");
        String key = created.get("key").asString();
        assertThat(alert(key)).as("used once, so this replica holds the key in its cache").isEqualTo(202);

        HttpProbe.Response disabled = client().postJson("/v1/integrations/" + created.get("id").asString() + "/disable",
                TestTokens.ADMIN, "");

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(json.readTree(disabled.body()).get("enabled").asBoolean()).isFalse();
        HttpProbe.Response refused = client().postJson("/v1/alerts", key, """
                {"summary": "probe", "severity": "info"}""");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(json.readTree(refused.body()).get("detail").asString()).contains("is disabled");
    }

    @Test
    void unknownIntegrationIs404AndDuplicateNameIs409AndBadTypeIs400() {
        assertThat(client().postJson("/v1/integrations/" + UUID.randomUUID() + "/disable", TestTokens.ADMIN, "").status())
                .isEqualTo(404);
        String name = "dup-" + UUID.randomUUID();
        create(name, "generic", "x");
        assertThat(client().postJson("/v1/integrations", TestTokens.ADMIN, """
                {"name": "%s", "type": "generic", "service": "x"}""".formatted(name)).status()).isEqualTo(409);
        HttpProbe.Response badType = client().postJson("/v1/integrations", TestTokens.ADMIN, """
                {"name": "n-%s", "type": "nagios", "service": "x"}""".formatted(UUID.randomUUID()));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(json.readTree(badType.body()).get("detail").asString()).contains("'type' must be one of");
    }

    @Test
    void declaredIntegrationsExistWithTheirKeysAndDeclaringAgainChangesNothing() {
        String name = SEEDED.name("generic");
        String idBefore = jdbc.queryForObject("select id::text from integration where name = ?", String.class, name);

        declareIntegrations.declare(List.of(new DeclareIntegrations.Declared(name, SourceType.GENERIC,
                SEEDED.service("generic"), SEEDED.key("generic"))));

        assertThat(jdbc.queryForList("select id::text from integration where name = ?", String.class, name))
                .containsExactly(idBefore);
        assertThat(jdbc.queryForObject("select declared from integration where name = ?", Boolean.class, name)).isTrue();
        assertThat(alert(SEEDED.key("generic"))).isEqualTo(202);
        for (String type : SeededIntegrations.TYPES) {
            assertThat(jdbc.queryForObject("select key_hash from integration where name = ?", String.class,
                    SEEDED.name(type))).isEqualTo(IntegrationKeys.hash(SEEDED.key(type)));
        }
    }

    @Test
    void onlyAnAdminTokenMayCreateIntegrationsAndAViewerMayList() {
        String body = """
                {"name": "guarded-%s", "type": "generic", "service": "x"}""".formatted(UUID.randomUUID());

        HttpProbe.Response anonymous = client().postJson("/v1/integrations", null, body);
        HttpProbe.Response responder = client().postJson("/v1/integrations", TestTokens.RESPONDER, body);
        HttpProbe.Response integrationKey = client().postJson("/v1/integrations", SEEDED.key("generic"), body);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(responder.status()).isEqualTo(403);
        assertThat(json.readTree(responder.body()).get("detail").asString()).contains("needs the role admin");
        assertThat(integrationKey.status()).as("an integration key is no API token").isEqualTo(401);
        assertThat(client().get("/v1/integrations").status()).isEqualTo(401);
        assertThat(client().get("/v1/integrations", TestTokens.VIEWER).status()).isEqualTo(200);
    }
}
