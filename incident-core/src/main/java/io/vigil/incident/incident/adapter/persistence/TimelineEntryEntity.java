package io.vigil.incident.incident.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "timeline_entry")
class TimelineEntryEntity {

    @Id
    private long id;
    @Column(name = "incident_id")
    private UUID incidentId;
    private Instant at;
    private String kind;
    private String summary;

    protected TimelineEntryEntity() {
    }

    Instant at() {
        return at;
    }

    String kind() {
        return kind;
    }

    String summary() {
        return summary;
    }
}
