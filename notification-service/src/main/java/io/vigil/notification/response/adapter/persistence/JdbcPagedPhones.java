package io.vigil.notification.response.adapter.persistence;

import io.vigil.notification.response.application.PagedPhones;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPagedPhones implements PagedPhones {

    private final JdbcTemplate jdbc;

    JdbcPagedPhones(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PagedIncident> lastPage(String phone, OptionalLong incidentNumber) {
        // PENDING too: the person can read the SMS and answer before the send's outcome is committed here.
        String sql = """
                select incident_id, incident_number, user_id from delivery
                where address = ? and channel in ('SMS', 'VOICE') and status in ('PENDING', 'SENT') and purpose = 'PAGE'
                %s order by created_at desc limit 1""".formatted(incidentNumber.isPresent() ? "and incident_number = ?" : "");
        Object[] args = incidentNumber.isPresent() ? new Object[] {phone, incidentNumber.getAsLong()} : new Object[] {phone};
        return jdbc.query(sql, (rs, row) -> new PagedIncident(rs.getObject(1, UUID.class), rs.getLong(2),
                rs.getString(3)), args).stream().findFirst();
    }
}
