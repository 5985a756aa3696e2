package io.vigil.incident.communication.adapter;

import io.vigil.incident.communication.application.Templates;
import io.vigil.incident.communication.domain.CommunicationTemplate;
import io.vigil.incident.communication.domain.TemplateName;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Edited templates in {@code communication_template}, by name. */
@Repository
class JdbcTemplates implements Templates {

    private final JdbcTemplate jdbc;

    JdbcTemplates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CommunicationTemplate> edited(TemplateName name) {
        return jdbc.query("select body, updated_at, updated_by from communication_template where name = ?",
                (rs, row) -> new CommunicationTemplate(name, rs.getString("body"), true,
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")),
                name.label()).stream().findFirst();
    }

    @Override
    public void save(TemplateName name, String body, Instant at, String by) {
        jdbc.update("""
                insert into communication_template (name, body, updated_at, updated_by) values (?, ?, ?, ?)
                on conflict (name) do update set body = excluded.body, updated_at = excluded.updated_at,
                                                 updated_by = excluded.updated_by""",
                name.label(), body, Timestamp.from(at), by);
    }

    @Override
    public void forget(TemplateName name) {
        jdbc.update("delete from communication_template where name = ?", name.label());
    }
}
