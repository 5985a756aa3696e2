package io.vigil.escalation.escalation.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What each escalation did: started, paged, skipped a level, was cancelled, ran out. */
public interface EscalationLog {

    /**
     * @param kind   {@code STARTED}, {@code PAGED}, {@code SKIPPED}, {@code CANCELLED}, {@code EXHAUSTED}...
     * @param detail who was paged, or why a level was skipped
     */
    record Entry(Instant at, String kind, int cycle, int level, int round, String detail) {
    }

    void record(UUID incidentId, Entry entry);

    List<Entry> entries(UUID incidentId);
}
