package io.vigil.notification.response.adapter.persistence;

import io.vigil.notification.response.application.PagedIncidents;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPagedIncidents implements PagedIncidents {

    private final JdbcTemplate jdbc;

    JdbcPagedIncidents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UUID> byNumber(long number) {
        return jdbc.query("""
                select incident_id from delivery where incident_number = ? and incident_id is not null
                order by created_at desc limit 1""", (rs, row) -> rs.getObject(1, UUID.class), number)
                .stream().findFirst();
    }
}
