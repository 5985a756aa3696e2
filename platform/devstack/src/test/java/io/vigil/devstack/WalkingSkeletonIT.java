package io.vigil.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import java.time.Duration;
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
                Map.of("vigil.incident.dedup-key-prefix", "skeleton:" + UUID.randomUUID() + ":"));
    }

    @AfterAll
    static void stopVigil() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void alertBecomesOneIncidentThatEscalationSees() {
        HttpProbe ingestion = new HttpProbe(services.url(VigilService.INGESTION));
        HttpProbe incidents = new HttpProbe(services.url(VigilService.INCIDENT_CORE));
        HttpProbe escalation = new HttpProbe(services.url(VigilService.ESCALATION));
        String service = "checkout-" + UUID.randomUUID();
        String alert = """
                {"service": "%s", "summary": "Checkout error rate above 5%%", "severity": "critical",
                 "dedupKey": "checkout-errors"}""".formatted(service);

        HttpProbe.Response first = ingestion.postJson("/v1/alerts", alert);
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        String fingerprint = json.readTree(first.body()).get("fingerprint").asString();

        JsonNode opened = await().atMost(PATIENCE)
                .until(() -> json.readTree(incidents.get("/v1/incidents?fingerprint=" + fingerprint).body()),
                        list -> list.size() == 1)
                .get(0);
        String incidentId = opened.get("id").asString();

        assertThat(ingestion.postJson("/v1/alerts", alert).status()).isEqualTo(202);
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
    }
}
