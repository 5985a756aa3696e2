package io.vigil.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Pins the wire format: a change that breaks these files breaks every consumer already deployed. */
class GoldenJsonTest {

    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final JsonMapper plain = JsonMapper.builder().build();

    static final Envelope<AlertReceived> ALERT = new Envelope<>(
            UUID.fromString("0b6f5c1e-2f4a-4c39-8d0e-6a1f3b7c9d21"),
            "AlertReceived", 1,
            Instant.parse("2026-03-08T06:59:30Z"),
            "v1:9f2c",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            new AlertReceived(
                    UUID.fromString("5d0a1e4c-9b2f-5c7e-8a13-2f6b0c9d4e71"),
                    "alertmanager", "checkout", "v1:9f2c", "checkout-high-latency",
                    AlertStatus.FIRING, "p99 latency above 2s on checkout", AlertSeverity.CRITICAL,
                    "prometheus-0",
                    Map.of("env", "prod", "alertname", "HighLatency"),
                    Map.of("runbook_url", "https://runbooks.example.com/latency"),
                    "{}:{alertname=\"HighLatency\"}",
                    "http://prometheus:9090/graph?g0.expr=latency",
                    Instant.parse("2026-03-08T06:58:00Z"), null,
                    Instant.parse("2026-03-08T06:59:30.125Z"),
                    Map.of("num_firing", "1", "detail", Map.of("build", 42, "canary", true)),
                    java.util.List.of(new Link("https://runbooks.example.com/latency", "Runbook")),
                    java.util.List.of(new Image("https://grafana.example.com/latency.png",
                            "https://grafana.example.com/d/latency", "p99 latency")),
                    "checkout-api", "payments", "latency", "Alertmanager", "http://alertmanager:9093/#/alerts", 0));

    static final Envelope<IncidentOpened> OPENED = new Envelope<>(
            UUID.fromString("c3d1a7b0-6e2f-5a49-9b1c-0d8e7f6a5b43"),
            "IncidentOpened", 1,
            Instant.parse("2026-03-08T06:59:30.250Z"),
            "7a4e2b1c-3d5f-4e6a-8b9c-0d1e2f3a4b5c",
            null,
            new IncidentOpened(
                    UUID.fromString("7a4e2b1c-3d5f-4e6a-8b9c-0d1e2f3a4b5c"), 42,
                    "p99 latency above 2s on checkout", "checkout",
                    IncidentSeverity.SEV2, Urgency.HIGH, "v1:9f2c",
                    UUID.fromString("5d0a1e4c-9b2f-5c7e-8a13-2f6b0c9d4e71"),
                    Instant.parse("2026-03-08T06:59:30.250Z"),
                    java.util.Map.of("alertname", "CheckoutLatencyHigh", "namespace", "shop"),
                    java.util.Map.of("runbook_url", "https://runbooks.example.com/latency")));

    @Test
    void alertReceivedIsWrittenExactlyAsTheGoldenFile() throws IOException {
        assertThat(plain.readTree(codec.encode(ALERT))).isEqualTo(plain.readTree(golden("AlertReceived.v1.json")));
    }

    @Test
    void alertReceivedGoldenFileReadsBackToTheSameMessage() throws IOException {
        assertThat(codec.decode(golden("AlertReceived.v1.json"))).isEqualTo(ALERT);
    }

    @Test
    void incidentOpenedIsWrittenExactlyAsTheGoldenFile() throws IOException {
        assertThat(plain.readTree(codec.encode(OPENED))).isEqualTo(plain.readTree(golden("IncidentOpened.v1.json")));
    }

    @Test
    void incidentOpenedGoldenFileReadsBackToTheSameMessage() throws IOException {
        assertThat(codec.decode(golden("IncidentOpened.v1.json"))).isEqualTo(OPENED);
    }

    /**
     * Every message type has a golden file that reads and writes back unchanged: a renamed, retyped or
     * dropped field shows up as a difference.
     */
    @Test
    void everyCatalogEntryHasAGoldenFileThatRoundTrips() throws IOException {
        for (MessageCatalog.Entry entry : MessageCatalog.entries()) {
            String name = "%s.v%d.json".formatted(entry.type(), entry.version());
            assertThat(getClass().getResource("/golden/" + name)).as(name).isNotNull();
            String text = golden(name);
            Envelope<Message> decoded = codec.decode(text);
            assertThat(decoded.payload()).as(name).isInstanceOf(entry.javaType());
            assertThat(plain.readTree(codec.encode(decoded))).as(name).isEqualTo(plain.readTree(text));
        }
    }

    private String golden(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
