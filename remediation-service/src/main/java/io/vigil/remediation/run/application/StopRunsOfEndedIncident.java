package io.vigil.remediation.run.application;

import io.vigil.starter.inbox.Inbox;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An incident that was resolved or merged into another needs no more remediation: its unfinished runs are
 * cancelled, so none waits for an approval nobody will give or acts on a problem that is over. Nothing is rolled
 * back. A run that resolved the incident itself has already ended when the resolution comes back.
 */
@Service
public class StopRunsOfEndedIncident {

    static final String CONSUMER = "remediation-service.stop-runs-of-ended-incident";

    private final Runs runs;
    private final RunProgression progression;
    private final Inbox inbox;
    private final Clock clock;

    public StopRunsOfEndedIncident(Runs runs, RunProgression progression, Inbox inbox, Clock clock) {
        this.runs = runs;
        this.progression = progression;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** @param why {@code resolved} or {@code merged} */
    @Transactional
    public void stop(UUID eventId, UUID incidentId, String why) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return;
        }
        for (RunRecord run : runs.forIncident(incidentId)) {
            if (run.state().finished()) {
                continue;
            }
            RunRecord locked = runs.lock(run.id()).orElseThrow();
            if (!locked.state().finished()) {
                progression.finishRun(locked, io.vigil.remediation.run.domain.RunState.CANCELLED,
                        "the incident was " + why, clock.instant());
            }
        }
    }
}
