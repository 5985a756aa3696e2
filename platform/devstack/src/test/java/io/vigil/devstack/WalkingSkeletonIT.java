package io.vigil.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.Topics;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.TestTokens;
import io.vigil.testkit.TopicRecorder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.vigil.testkit.Infrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One alert across the whole spine, as the devstack runs it: HTTP into ingestion-service, over Kafka
 * to incident-core, which opens one incident in Postgres (deduplicating with Redis in front) and
 * announces it through its outbox to escalation-service.
 */
class WalkingSkeletonIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static RunningServices services;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startVigil() {
        Infrastructure infrastructure = Infrastructure.shared();
        services = RunningServices.start(
                EnumSet.of(VigilService.INGESTION, VigilService.INCIDENT_CORE, VigilService.ESCALATION),
                infrastructure.postgres().createDatabase("skeleton"), infrastructure.redis(), infrastructure.kafka(),
                Map.of(VigilService.INGESTION, 0, VigilService.INCIDENT_CORE, 0, VigilService.ESCALATION, 0),
                properties());
    }

    private static Map<String, Object> properties() {
        Map<String, Object> properties = new java.util.HashMap<>(DemoConfiguration.properties());
        properties.put("vigil.incident.dedup-key-prefix", "skeleton:" + UUID.randomUUID() + ":");
        properties.putAll(TestTokens.properties());
        return properties;
    }

    @AfterAll
    static void stopVigil() {
        if (services != null) {
            services.close();
        }
    }

    /**
     * Alertmanager resends an identical request after a timeout: the resend must not open a second
     * incident. Its later "resolved" notification resolves the incident and stops escalation.
     */
    @Test
    void alertmanagerResendOpensOneIncidentAndItsResolveResolvesIt() throws IOException {
        HttpProbe ingestion = new HttpProbe(services.url(VigilService.INGESTION));
        HttpProbe incidents = new HttpProbe(services.url(VigilService.INCIDENT_CORE)).withToken(TestTokens.VIEWER);
        HttpProbe escalation = new HttpProbe(services.url(VigilService.ESCALATION)).withToken(TestTokens.VIEWER);
        String door = "/api/v1/integrations/alertmanager?key=" + DemoConfiguration.INTEGRATIONS.get(1).key();
        String firing = fixtureBody("alertmanager-webhook-01-fire-firing-Alert1.json");

        assertThat(ingestion.postJson(door, firing).status()).isEqualTo(202);
        assertThat(ingestion.postJson(door, firing).status()).isEqualTo(202);

        JsonNode opened = await().atMost(PATIENCE).until(() -> incidentsTitled(incidents, "HarnessAlert1 on host-000"),
                list -> list.size() == 1).get(0);
        String incidentId = opened.get("id").asString();
        await().atMost(PATIENCE).until(() -> escalation.get("/v1/escalations/" + incidentId).status() == 200);

        assertThat(ingestion.postJson(door, fixtureBody("alertmanager-webhook-06-resolve-all-resolved-Alert1.json"))
                .status()).isEqualTo(202);
        JsonNode resolved = await().atMost(PATIENCE)
                .until(() -> json.readTree(incidents.get("/v1/incidents/" + incidentId).body()),
                        incident -> "resolved".equals(incident.get("status").asString()));
        assertThat(resolved.get("resolvedAt").isNull()).isFalse();
        assertThat(incidentsTitled(incidents, "HarnessAlert1 on host-000")).hasSize(1);
        await().atMost(PATIENCE).until(() -> json.readTree(escalation.get("/v1/escalations/" + incidentId).body())
                .get("state").asString().equals("RESOLVED"));
    }

    private List<JsonNode> incidentsTitled(HttpProbe incidents, String title) {
        List<JsonNode> matching = new ArrayList<>();
        json.readTree(incidents.get("/v1/incidents?limit=500").body()).forEach(incident -> {
            if (title.equals(incident.get("title").asString())) {
                matching.add(incident);
            }
        });
        return matching;
    }

    /** The raw body of a request captured from a real alert source, as it was sent. */
    private String fixtureBody(String name) throws IOException {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("shared").resolve("fixtures"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("shared/fixtures above the module").isNotNull();
        return json.readTree(Files.readString(dir.resolve("shared").resolve("fixtures").resolve(name)))
                .get("body_raw").asString();
    }

    @Test
    void alertWithoutAKeyIsRefused() {
        HttpProbe ingestion = new HttpProbe(services.url(VigilService.INGESTION));
        HttpProbe.Response refused = ingestion.postJson("/v1/alerts",
                "{\"summary\": \"no key\", \"severity\": \"critical\"}");
        assertThat(refused.status()).isEqualTo(401);
    }

    @Test
    void alertBecomesOneIncidentThatEscalationPages() {
        HttpProbe ingestion = new HttpProbe(services.url(VigilService.INGESTION));
        HttpProbe incidents = new HttpProbe(services.url(VigilService.INCIDENT_CORE)).withToken(TestTokens.VIEWER);
        HttpProbe escalation = new HttpProbe(services.url(VigilService.ESCALATION)).withToken(TestTokens.VIEWER);
        String service = DemoConfiguration.SERVICE;
        String alert = """
                {"summary": "Checkout error rate above 5%%", "severity": "critical",
                 "dedupKey": "checkout-errors-%s"}""".formatted(UUID.randomUUID());
        String door = "/v1/alerts?key=" + DemoConfiguration.genericKey();
        TopicRecorder pages = TopicRecorder.record(Infrastructure.shared().kafka().bootstrapServers(),
                Topics.NOTIFICATION_REQUESTS);

        HttpProbe.Response first = ingestion.postJson(door, alert);
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        String fingerprint = json.readTree(first.body()).get("fingerprint").asString();

        JsonNode opened = await().atMost(PATIENCE)
                .until(() -> json.readTree(incidents.get("/v1/incidents?fingerprint=" + fingerprint).body()),
                        list -> list.size() == 1)
                .get(0);
        String incidentId = opened.get("id").asString();

        // The same alert again, as a source retrying would send it: counted, not a second incident.
        assertThat(ingestion.postJson(door, alert).status()).isEqualTo(202);
        JsonNode incident = await().atMost(PATIENCE)
                .until(() -> json.readTree(incidents.get("/v1/incidents/" + incidentId).body()),
                        body -> body.get("alertCount").asInt() == 2);
        assertThat(incident.get("service").asString()).isEqualTo(service);
        assertThat(incident.get("title").asString()).isEqualTo("Checkout error rate above 5%");
        assertThat(incident.get("severity").asString()).isEqualTo("SEV2");
        assertThat(incident.get("status").asString()).isEqualTo("triggered");
        assertThat(json.readTree(incidents.get("/v1/incidents?fingerprint=" + fingerprint).body())).hasSize(1);

        HttpProbe.Response seen = await().atMost(PATIENCE)
                .until(() -> escalation.get("/v1/escalations/" + incidentId), response -> response.status() == 200);
        JsonNode escalated = json.readTree(seen.body());
        assertThat(escalated.get("service").asString()).isEqualTo(service);
        assertThat(escalated.get("urgency").asString()).isEqualTo("HIGH");

        // The demo policy's first level pages whoever the checkout schedule has on call, once.
        ConsumerRecord<String, String> page = pages.awaitRecord(record -> incidentId.equals(record.key()), PATIENCE);
        NotificationRequested request = (NotificationRequested) new EnvelopeCodec().decode(page.value()).payload();
        assertThat(request.level()).isEqualTo(1);
        assertThat(request.round()).isEqualTo(1);
        assertThat(request.title()).isEqualTo("Checkout error rate above 5%");
        pages.close();
    }
}
