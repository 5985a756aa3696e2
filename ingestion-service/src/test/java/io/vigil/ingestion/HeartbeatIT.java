package io.vigil.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.contracts.AlertReceived;
import io.vigil.contracts.AlertSeverity;
import io.vigil.contracts.AlertStatus;
import io.vigil.contracts.Fingerprints;
import io.vigil.contracts.Topics;
import io.vigil.ingestion.heartbeat.application.CheckHeartbeats;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.TopicRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Heartbeat monitors on a clock the test moves: a missed beat raises an alert, the next beat resolves it. */
class HeartbeatIT extends ClockedIntakeTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CheckHeartbeats checkHeartbeats;

    private TopicRecorder alerts;

    @BeforeEach
    void record() {
        alerts = TopicRecorder.record(Infrastructure.shared().kafka().bootstrapServers(), Topics.ALERTS);
    }

    @AfterEach
    void stopRecording() {
        alerts.close();
    }

    private HttpProbe.Response beat(String name, String query) {
        return new IntakeClient(port).postJson("/v1/heartbeats/" + name + query, SEEDED.key("heartbeat"), "");
    }

    @Test
    void missedBeatRaisesAnAlertAndTheNextBeatResolvesIt() {
        String name = "nightly-backup-" + UUID.randomUUID().toString().substring(0, 8);
        String service = SEEDED.service("heartbeat");
        String fingerprint = Fingerprints.fromDedupKey(service, "heartbeat:" + name);
        Instant firstBeat = CLOCK.instant();

        HttpProbe.Response first = beat(name, "?interval=5m&grace=1m");
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(json.readTree(first.body()).get("nextDueAt").asString())
                .isEqualTo(firstBeat.plus(Duration.ofMinutes(6)).toString());

        CLOCK.advance(Duration.ofMinutes(5));
        assertThat(beat(name, "").status()).as("on time, interval and grace kept").isEqualTo(202);
        CLOCK.advance(Duration.ofMinutes(5));
        String onTimeMarker = "on-time-" + UUID.randomUUID();
        assertThat(new IntakeClient(port).postJson("/v1/alerts", SEEDED.key("generic"), """
                {"summary": "%s", "severity": "info"}""".formatted(onTimeMarker)).status()).isEqualTo(202);
        alerts.awaitRecord(r -> r.value().contains(onTimeMarker), PATIENCE);
        assertThat(alerts.records()).as("5 minutes after a beat with 1 minute grace is not late")
                .noneMatch(r -> fingerprint.equals(r.key()));

        Instant lastBeat = CLOCK.instant().minus(Duration.ofMinutes(5));
        CLOCK.advance(Duration.ofMinutes(1));
        ConsumerRecord<String, String> missed = alerts.awaitRecord(r -> fingerprint.equals(r.key()), PATIENCE);
        AlertReceived raised = (AlertReceived) codec.decode(missed.value()).payload();
        assertThat(raised.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(raised.integration()).isEqualTo("heartbeat");
        assertThat(raised.service()).isEqualTo(service);
        assertThat(raised.severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(raised.summary()).contains(name).contains("missed").contains(lastBeat.toString());
        assertThat(raised.labels()).containsEntry("heartbeat", name);
        assertThat(raised.startsAt()).isEqualTo(lastBeat.plus(Duration.ofMinutes(6)));

        CLOCK.advance(Duration.ofMinutes(2));
        HttpProbe.Response recovered = beat(name, "");
        assertThat(recovered.status()).isEqualTo(202);
        assertThat(json.readTree(recovered.body()).get("recovered").asBoolean()).isTrue();
        ConsumerRecord<String, String> resolved = alerts.awaitRecord(
                r -> fingerprint.equals(r.key()) && r.value().contains("\"resolved\""), PATIENCE);
        AlertReceived resolution = (AlertReceived) codec.decode(resolved.value()).payload();
        assertThat(resolution.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(alerts.records()).filteredOn(r -> fingerprint.equals(r.key()))
                .as("one alert raised for the whole missed spell, one resolution").hasSize(2);
    }

    @Test
    void heartbeatNeedsAHeartbeatKeyAndSaneDurations() {
        assertThat(new IntakeClient(port).postJson("/v1/heartbeats/x", SEEDED.key("generic"), "").status())
                .isEqualTo(401);
        HttpProbe.Response badInterval = beat("x", "?interval=soon");
        assertThat(badInterval.status()).isEqualTo(400);
        assertThat(json.readTree(badInterval.body()).get("detail").asString()).contains("'interval'");
        assertThat(beat("x", "?interval=1s").status()).isEqualTo(400);
        assertThat(beat("bad%20name", "").status()).isEqualTo(400);
    }

    @Test
    void overdueMonitorIsOnlyAlertedOnceWhateverTheNumberOfChecks() {
        String name = "cron-" + UUID.randomUUID().toString().substring(0, 8);
        String fingerprint = Fingerprints.fromDedupKey(SEEDED.service("heartbeat"), "heartbeat:" + name);
        assertThat(beat(name, "?interval=1m&grace=0s").status()).isEqualTo(202);

        CLOCK.advance(Duration.ofMinutes(2));
        alerts.awaitRecord(r -> fingerprint.equals(r.key()), PATIENCE);
        String marker = "after-checks-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            checkHeartbeats.check();
        }
        assertThat(new IntakeClient(port).postJson("/v1/alerts", SEEDED.key("generic"), """
                {"summary": "%s", "severity": "info"}""".formatted(marker)).status()).isEqualTo(202);
        alerts.awaitRecord(r -> r.value().contains(marker), PATIENCE);

        assertThat(alerts.records()).filteredOn(r -> fingerprint.equals(r.key())).hasSize(1);
        assertThat(jdbc.queryForObject("select overdue_since is not null from heartbeat where name = ?",
                Boolean.class, name)).isTrue();
    }

    @Test
    void replicasCheckingAtTheSameTimeRaiseOneAlert() throws Exception {
        String name = "replicated-" + UUID.randomUUID().toString().substring(0, 8);
        String fingerprint = Fingerprints.fromDedupKey(SEEDED.service("heartbeat"), "heartbeat:" + name);
        assertThat(beat(name, "?interval=10m&grace=0s").status()).isEqualTo(202);
        jdbc.update("update heartbeat set due_at = due_at - interval '1 hour' where name = ?", name);

        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try (var replicas = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var checks = java.util.stream.IntStream.range(0, 4).mapToObj(i -> replicas.submit(() -> {
                start.await();
                return checkHeartbeats.check();
            })).toList();
            start.countDown();
            for (var check : checks) {
                check.get();
            }
        }
        alerts.awaitRecord(r -> fingerprint.equals(r.key()), PATIENCE);
        String marker = "after-replicas-" + UUID.randomUUID();
        assertThat(new IntakeClient(port).postJson("/v1/alerts", SEEDED.key("generic"), """
                {"summary": "%s", "severity": "info"}""".formatted(marker)).status()).isEqualTo(202);
        alerts.awaitRecord(r -> r.value().contains(marker), PATIENCE);
        assertThat(alerts.records()).filteredOn(r -> fingerprint.equals(r.key())).hasSize(1);
    }
}
