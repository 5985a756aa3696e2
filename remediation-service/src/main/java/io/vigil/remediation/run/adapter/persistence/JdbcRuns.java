package io.vigil.remediation.run.adapter.persistence;

import io.vigil.remediation.run.application.RunRecord;
import io.vigil.remediation.run.application.Runs;
import io.vigil.remediation.run.application.StepRecord;
import io.vigil.remediation.run.domain.Phase;
import io.vigil.remediation.run.domain.RunState;
import io.vigil.remediation.run.domain.StepState;
import io.vigil.remediation.runbook.domain.StepType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcRuns implements Runs {

    private static final String RUN_COLUMNS = "id, incident_id, service, runbook, runbook_version, trigger, state, "
            + "dry_run, variables, started_by, started_at, finished_at, summary";
    private static final String STEP_COLUMNS = "run_id, seq, phase, def_index, name, type, state, due_at, attempts, "
            + "started_at, finished_at, description, output, decided_by";
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    JdbcRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(RunRecord run, List<StepRecord> steps) {
        int inserted = jdbc.update("insert into remediation_run (" + RUN_COLUMNS + ") "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing",
                run.id(), run.incidentId(), run.service(), run.runbook(), run.runbookVersion(), run.trigger(),
                run.state().name(), run.dryRun(), json.writeValueAsString(run.variables()), run.startedBy(),
                Timestamp.from(run.startedAt()), ts(run.finishedAt()), run.summary());
        if (inserted == 0) {
            return false;
        }
        jdbc.batchUpdate("insert into remediation_step (" + STEP_COLUMNS + ") "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", steps, steps.size(), (ps, s) -> {
                    ps.setObject(1, s.runId());
                    ps.setInt(2, s.seq());
                    ps.setString(3, s.phase().name());
                    ps.setInt(4, s.defIndex());
                    ps.setString(5, s.name());
                    ps.setString(6, s.type().name());
                    ps.setString(7, s.state().name());
                    ps.setTimestamp(8, ts(s.dueAt()));
                    ps.setInt(9, s.attempts());
                    ps.setTimestamp(10, ts(s.startedAt()));
                    ps.setTimestamp(11, ts(s.finishedAt()));
                    ps.setString(12, s.description());
                    ps.setString(13, s.output());
                    ps.setString(14, s.decidedBy());
                });
        return true;
    }

    @Override
    public Optional<RunRecord> find(UUID runId) {
        return jdbc.query("select " + RUN_COLUMNS + " from remediation_run where id = ?", this::run, runId).stream()
                .findFirst();
    }

    @Override
    public Optional<RunRecord> lock(UUID runId) {
        return jdbc.query("select " + RUN_COLUMNS + " from remediation_run where id = ? for update", this::run, runId)
                .stream().findFirst();
    }

    @Override
    public List<RunRecord> forIncident(UUID incidentId) {
        return jdbc.query("select " + RUN_COLUMNS + " from remediation_run where incident_id = ? order by started_at",
                this::run, incidentId);
    }

    @Override
    public List<RunRecord> recent(int limit) {
        return jdbc.query("select " + RUN_COLUMNS + " from remediation_run order by started_at desc limit ?",
                this::run, limit);
    }

    @Override
    public List<StepRecord> steps(UUID runId) {
        return jdbc.query("select " + STEP_COLUMNS + " from remediation_step where run_id = ? order by seq",
                JdbcRuns::step, runId);
    }

    @Override
    public Optional<StepRecord> claimDue(Instant now) {
        // The run is locked with its step, so a human's decision (which locks the run first) never interleaves
        // with the poller; SKIP LOCKED lets every replica's poller take a different step without waiting.
        return jdbc.query("select " + prefixed("s.") + " from remediation_step s "
                + "join remediation_run r on r.id = s.run_id "
                + "where s.state in ('DUE', 'WAITING') and s.due_at <= ? "
                + "order by s.due_at, s.run_id, s.seq limit 1 for update of s, r skip locked",
                JdbcRuns::step, Timestamp.from(now)).stream().findFirst();
    }

    @Override
    public void update(StepRecord s) {
        jdbc.update("update remediation_step set state = ?, due_at = ?, attempts = ?, started_at = ?, "
                + "finished_at = ?, description = ?, output = ?, decided_by = ? where run_id = ? and seq = ?",
                s.state().name(), ts(s.dueAt()), s.attempts(), ts(s.startedAt()), ts(s.finishedAt()), s.description(),
                s.output(), s.decidedBy(), s.runId(), s.seq());
    }

    @Override
    public void update(RunRecord run) {
        jdbc.update("update remediation_run set state = ?, finished_at = ?, summary = ?, variables = ? where id = ?",
                run.state().name(), ts(run.finishedAt()), run.summary(), json.writeValueAsString(run.variables()),
                run.id());
    }

    @Override
    public int count(UUID incidentId, String runbook) {
        Integer count = jdbc.queryForObject(
                "select count(*) from remediation_run where incident_id = ? and runbook = ?", Integer.class,
                incidentId, runbook);
        return count == null ? 0 : count;
    }

    @Override
    public Optional<Instant> lastStart(String runbook, String service) {
        return jdbc.query("select max(started_at) from remediation_run where runbook = ? and service = ?",
                (rs, row) -> rs.getTimestamp(1), runbook, service).stream()
                .filter(java.util.Objects::nonNull).map(Timestamp::toInstant).findFirst();
    }

    private static String prefixed(String prefix) {
        return String.join(", ", java.util.Arrays.stream(STEP_COLUMNS.split(", ")).map(c -> prefix + c).toList());
    }

    private RunRecord run(ResultSet rs, int row) throws SQLException {
        return new RunRecord(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getInt(5), rs.getString(6), RunState.valueOf(rs.getString(7)), rs.getBoolean(8),
                json.readValue(rs.getString(9), STRINGS), rs.getString(10), instant(rs, 11), instant(rs, 12),
                rs.getString(13));
    }

    private static StepRecord step(ResultSet rs, int row) throws SQLException {
        return new StepRecord(rs.getObject(1, UUID.class), rs.getInt(2), Phase.valueOf(rs.getString(3)), rs.getInt(4),
                rs.getString(5), StepType.valueOf(rs.getString(6)), StepState.valueOf(rs.getString(7)),
                instant(rs, 8), rs.getInt(9), instant(rs, 10), instant(rs, 11), rs.getString(12), rs.getString(13),
                rs.getString(14));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
