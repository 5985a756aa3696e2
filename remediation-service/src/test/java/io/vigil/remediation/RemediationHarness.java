package io.vigil.remediation;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.Message;
import io.vigil.contracts.Topics;
import io.vigil.contracts.Urgency;
import io.vigil.starter.VigilApplication;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.MutableClock;
import io.vigil.testkit.PostgresEndpoint;
import io.vigil.testkit.TestTokens;
import io.vigil.testkit.TopicRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Starts remediation-service as a whole context on a database of the test's, speaks to it as a user would. */
final class RemediationHarness {

    static final Infrastructure INFRA = Infrastructure.shared();
    static final EnvelopeCodec CODEC = new EnvelopeCodec();
    static final JsonMapper JSON = JsonMapper.builder().build();

    private RemediationHarness() {
    }

    /** A service context; {@code runbookFiles} are written to a temporary directory it loads at start. */
    static ConfigurableApplicationContext start(PostgresEndpoint database, String group, MutableClock clock,
            String... runbookFiles) {
        return start(database, group, clock, Map.of(), runbookFiles);
    }

    static ConfigurableApplicationContext start(PostgresEndpoint database, String group, MutableClock clock,
            Map<String, String> properties, String... runbookFiles) {
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        Infrastructure.springProperties(database, INFRA.redis(), INFRA.kafka())
                .forEach((key, value) -> args.add("--" + key + "=" + value));
        TestTokens.properties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--server.port=0");
        args.add("--spring.kafka.consumer.group-id=" + group);
        args.add("--vigil.remediation.tick=50ms");
        if (runbookFiles.length > 0) {
            args.add("--vigil.remediation.runbooks=" + directoryOf(runbookFiles).toUri() + "*.yaml");
        }
        return VigilApplication.builder(RemediationApplication.class, RemediationApplication.SERVICE_NAME, Map.of())
                .initializers(context -> ((GenericApplicationContext) context)
                        .registerBean("clock", Clock.class, () -> clock))
                .run(args.toArray(String[]::new));
    }

    static Path directoryOf(String... runbookFiles) {
        try {
            Path directory = Files.createTempDirectory("runbooks-");
            for (int i = 0; i < runbookFiles.length; i++) {
                Files.writeString(directory.resolve("runbook-" + i + ".yaml"), runbookFiles[i]);
            }
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpProbe api(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return HttpProbe.localhost(port).withToken(TestTokens.ADMIN);
    }

    /** A runbook sent as YAML, as an operator would with curl. */
    static HttpProbe.Response putYaml(ConfigurableApplicationContext context, String path, String yaml) {
        return putYaml(context, path, yaml, TestTokens.ADMIN);
    }

    static HttpProbe.Response putYaml(ConfigurableApplicationContext context, String path, String yaml,
            String token) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/yaml")
                .header("Authorization", TestTokens.bearer(token))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(yaml)).build();
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient()) {
            java.net.http.HttpResponse<String> response = client.send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new HttpProbe.Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static IncidentOpened opened(String service, IncidentSeverity severity) {
        UUID id = UUID.randomUUID();
        return new IncidentOpened(id, Math.abs(id.getMostSignificantBits() % 10_000), "trouble on " + service,
                service, severity, Urgency.HIGH, "v1:" + id, UUID.randomUUID(), Instant.parse("2026-06-01T10:00:00Z"));
    }

    static void publish(IncidentOpened opened, Clock clock) {
        publish(opened, UUID.randomUUID(), clock);
    }

    static void publish(IncidentOpened opened, UUID eventId, Clock clock) {
        Envelope<IncidentOpened> envelope = Envelope.of(eventId, opened.incidentId().toString(), opened, clock, null);
        TopicRecorder.send(INFRA.kafka().bootstrapServers(), Topics.INCIDENT_EVENTS,
                opened.incidentId().toString(), CODEC.encode(envelope));
    }

    /** Any event incident-core would publish about an incident. */
    static void publishEvent(UUID incidentId, Message event, Clock clock) {
        Envelope<Message> envelope = Envelope.of(UUID.randomUUID(), incidentId.toString(), event, clock, null);
        TopicRecorder.send(INFRA.kafka().bootstrapServers(), Topics.INCIDENT_EVENTS, incidentId.toString(),
                CODEC.encode(envelope));
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /** The payloads recorded on a topic about one incident, in order. */
    static List<Message> about(TopicRecorder recorder, UUID incidentId) {
        return recorder.records().stream().filter(r -> incidentId.toString().equals(r.key()))
                .map(r -> CODEC.decode(r.value()).payload()).toList();
    }
}
