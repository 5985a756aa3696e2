package io.vigil.incident.incident.adapter.persistence;

import io.vigil.incident.incident.domain.Incident;
import io.vigil.incident.incident.domain.IncidentStatus;
import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.incident.domain.Urgency;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * The incident row as JPA reads it. Writes stay single SQL statements (see {@link JdbcIncidents});
 * this mapping serves reads by id, and Hibernate's {@code ddl-auto=validate} checks it against the
 * schema Flyway made, so a migration and the code cannot drift apart unnoticed.
 */
@Entity
@Immutable
@Table(name = "incident")
class IncidentEntity {

    @Id
    private UUID id;
    private long number;
    private String title;
    private String service;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    @Enumerated(EnumType.STRING)
    private Urgency urgency;
    @Enumerated(EnumType.STRING)
    private IncidentStatus status;
    private String fingerprint;
    @Column(name = "alert_count")
    private int alertCount;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "last_alert_at")
    private Instant lastAlertAt;
    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "caused_by")
    private UUID causedBy;

    protected IncidentEntity() {
    }

    Incident toDomain() {
        return new Incident(id, number, title, service, severity, urgency, status, fingerprint, alertCount, openedAt,
                lastAlertAt, acknowledgedAt, resolvedAt, closedAt, causedBy);
    }
}
