package io.vigil.ingestion.heartbeat.application;

import io.vigil.contracts.AlertSeverity;
import io.vigil.contracts.Topics;
import io.vigil.ingestion.heartbeat.HeartbeatProperties;
import io.vigil.ingestion.heartbeat.domain.Heartbeat;
import io.vigil.starter.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A beat: the monitor is due again one interval plus grace from now; if it was overdue, its alert is
 * resolved (through the outbox, in the same transaction as the monitor's new state).
 */
@Service
public class RecordBeat {

    private final Heartbeats heartbeats;
    private final Outbox outbox;
    private final HeartbeatProperties properties;
    private final Clock clock;

    public RecordBeat(Heartbeats heartbeats, Outbox outbox, HeartbeatProperties properties, Clock clock) {
        this.heartbeats = heartbeats;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param interval the expected interval from now on, or {@code null} to keep it (or use the default)
     * @param grace    the grace from now on, or {@code null} to keep it (or use the default)
     */
    @Transactional
    public Heartbeat.Beat beat(UUID integrationId, String service, String name, Duration interval, Duration grace) {
        Instant now = clock.instant();
        Heartbeat.Beat beat = heartbeats.lock(integrationId, name)
                .map(existing -> existing.beat(now, interval, grace))
                .orElseGet(() -> new Heartbeat.Beat(Heartbeat.first(integrationId, name, service,
                        interval != null ? interval : properties.defaultInterval(),
                        grace != null ? grace : properties.defaultGrace(), now), null));
        heartbeats.save(beat.heartbeat());
        if (beat.recovered()) {
            outbox.append(Topics.ALERTS, HeartbeatAlerts.recovered(beat.heartbeat(), beat.recoveredFrom(),
                    AlertSeverity.valueOf(properties.severity().toUpperCase(Locale.ROOT)), clock));
        }
        return beat;
    }
}
