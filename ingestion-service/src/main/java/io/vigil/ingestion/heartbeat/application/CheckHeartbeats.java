package io.vigil.ingestion.heartbeat.application;

import io.vigil.contracts.AlertSeverity;
import io.vigil.contracts.Topics;
import io.vigil.ingestion.heartbeat.HeartbeatProperties;
import io.vigil.ingestion.heartbeat.domain.Heartbeat;
import io.vigil.starter.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds monitors whose beat is overdue and raises their alert, through the outbox in the transaction that
 * marks them overdue: an alert is raised once per missed spell, whichever replica finds it.
 */
@Service
public class CheckHeartbeats {

    private static final int BATCH = 200;

    private final Heartbeats heartbeats;
    private final Outbox outbox;
    private final HeartbeatProperties properties;
    private final Clock clock;

    public CheckHeartbeats(Heartbeats heartbeats, Outbox outbox, HeartbeatProperties properties, Clock clock) {
        this.heartbeats = heartbeats;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return how many monitors were found overdue */
    @Transactional
    public int check() {
        Instant now = clock.instant();
        AlertSeverity severity = AlertSeverity.valueOf(properties.severity().toUpperCase(Locale.ROOT));
        int missed = 0;
        for (Heartbeat heartbeat : heartbeats.lockDue(now, BATCH)) {
            if (heartbeat.isOverdueAt(now)) {
                heartbeats.save(heartbeat.missed(now));
                outbox.append(Topics.ALERTS, HeartbeatAlerts.missed(heartbeat, severity, clock));
                missed++;
            }
        }
        return missed;
    }
}
