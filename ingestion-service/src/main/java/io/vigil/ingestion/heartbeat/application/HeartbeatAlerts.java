package io.vigil.ingestion.heartbeat.application;

import io.vigil.contracts.AlertReceived;
import io.vigil.contracts.AlertSeverity;
import io.vigil.contracts.AlertStatus;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.Fingerprints;
import io.vigil.contracts.StableIds;
import io.vigil.ingestion.heartbeat.domain.Heartbeat;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The alerts of a heartbeat monitor: firing when missed, resolved by the next beat; one problem per monitor. */
final class HeartbeatAlerts {

    static final String INTEGRATION = "heartbeat";

    private HeartbeatAlerts() {
    }

    static String dedupKey(Heartbeat heartbeat) {
        return "heartbeat:" + heartbeat.name();
    }

    static Envelope<AlertReceived> missed(Heartbeat heartbeat, AlertSeverity severity, Clock clock) {
        String fingerprint = Fingerprints.fromDedupKey(heartbeat.service(), dedupKey(heartbeat));
        UUID alertId = StableIds.of("heartbeat-missed", heartbeat.integrationId().toString(), heartbeat.name(),
                heartbeat.dueAt().toString());
        AlertReceived alert = new AlertReceived(alertId, INTEGRATION, heartbeat.service(), fingerprint,
                dedupKey(heartbeat), AlertStatus.FIRING,
                "Heartbeat '%s' missed: no beat since %s".formatted(heartbeat.name(), heartbeat.lastBeatAt()),
                severity, heartbeat.name(), Map.of("heartbeat", heartbeat.name()), annotations(heartbeat), null, null,
                heartbeat.dueAt(), null, clock.instant());
        return Envelope.of(alertId, fingerprint, alert, clock, null);
    }

    static Envelope<AlertReceived> recovered(Heartbeat heartbeat, Instant overdueSince, AlertSeverity severity,
            Clock clock) {
        String fingerprint = Fingerprints.fromDedupKey(heartbeat.service(), dedupKey(heartbeat));
        UUID alertId = StableIds.of("heartbeat-recovered", heartbeat.integrationId().toString(), heartbeat.name(),
                overdueSince.toString());
        AlertReceived alert = new AlertReceived(alertId, INTEGRATION, heartbeat.service(), fingerprint,
                dedupKey(heartbeat), AlertStatus.RESOLVED,
                "Heartbeat '%s' is beating again".formatted(heartbeat.name()),
                severity, heartbeat.name(), Map.of("heartbeat", heartbeat.name()), annotations(heartbeat), null, null,
                overdueSince, heartbeat.lastBeatAt(), clock.instant());
        return Envelope.of(alertId, fingerprint, alert, clock, null);
    }

    private static Map<String, String> annotations(Heartbeat heartbeat) {
        return Map.of("interval", heartbeat.interval().toString(), "grace", heartbeat.grace().toString(),
                "lastBeatAt", heartbeat.lastBeatAt().toString());
    }
}
