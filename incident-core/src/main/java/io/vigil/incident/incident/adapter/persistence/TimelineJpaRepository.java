package io.vigil.incident.incident.adapter.persistence;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TimelineJpaRepository extends JpaRepository<TimelineEntryEntity, Long> {

    List<TimelineEntryEntity> findByIncidentIdOrderByAtAscIdAsc(UUID incidentId);
}
