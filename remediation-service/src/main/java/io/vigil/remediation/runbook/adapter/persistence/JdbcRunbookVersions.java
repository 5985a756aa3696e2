package io.vigil.remediation.runbook.adapter.persistence;

import io.vigil.remediation.runbook.application.RunbookVersions;
import io.vigil.remediation.runbook.application.StoredRunbook;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcRunbookVersions implements RunbookVersions {

    private static final String COLUMNS = "name, version, source, created_at, created_by";

    private final JdbcTemplate jdbc;

    JdbcRunbookVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public Saved saveIfChanged(String name, String source, String createdBy, Instant at) {
        // Two saves of one runbook at once would both pick the same next version; the lock orders them.
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> null, "runbook:" + name);
        Optional<StoredRunbook> latest = latest(name);
        if (latest.isPresent() && latest.get().source().equals(source)) {
            return new Saved(latest.get().version(), false);
        }
        int version = latest.map(StoredRunbook::version).orElse(0) + 1;
        jdbc.update("insert into runbook_version (" + COLUMNS + ") values (?, ?, ?, ?, ?)", name, version, source,
                Timestamp.from(at), createdBy);
        return new Saved(version, true);
    }

    @Override
    public Optional<StoredRunbook> latest(String name) {
        return jdbc.query("select " + COLUMNS + " from runbook_version where name = ? order by version desc limit 1",
                JdbcRunbookVersions::map, name).stream().findFirst();
    }

    @Override
    public Optional<StoredRunbook> version(String name, int version) {
        return jdbc.query("select " + COLUMNS + " from runbook_version where name = ? and version = ?",
                JdbcRunbookVersions::map, name, version).stream().findFirst();
    }

    @Override
    public List<StoredRunbook> latestOfEach() {
        return jdbc.query("select distinct on (name) " + COLUMNS + " from runbook_version order by name, version desc",
                JdbcRunbookVersions::map);
    }

    @Override
    public List<StoredRunbook> history(String name) {
        return jdbc.query("select " + COLUMNS + " from runbook_version where name = ? order by version",
                JdbcRunbookVersions::map, name);
    }

    private static StoredRunbook map(ResultSet rs, int row) throws SQLException {
        return new StoredRunbook(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                rs.getString(5));
    }
}
