package io.vigil.incident.incident.adapter.persistence;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface IncidentJpaRepository extends JpaRepository<IncidentEntity, UUID> {
}
