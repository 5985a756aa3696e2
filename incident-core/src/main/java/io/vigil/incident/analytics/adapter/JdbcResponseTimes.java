package io.vigil.incident.analytics.adapter;

import io.vigil.incident.analytics.application.ResponseTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Mean and percentiles ({@code percentile_cont}) straight from Postgres, as a Grafana panel would ask. */
@Repository
class JdbcResponseTimes implements ResponseTimes {

    private final JdbcTemplate jdbc;

    JdbcResponseTimes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Report over(Window window) {
        StringBuilder sql = new StringBuilder("""
                select count(*) as incidents,
                       count(seconds_to_acknowledge) as ack_count,
                       avg(seconds_to_acknowledge) as ack_mean,
                       percentile_cont(0.5) within group (order by seconds_to_acknowledge) as ack_p50,
                       percentile_cont(0.9) within group (order by seconds_to_acknowledge) as ack_p90,
                       percentile_cont(0.95) within group (order by seconds_to_acknowledge) as ack_p95,
                       count(seconds_to_resolve) as res_count,
                       avg(seconds_to_resolve) as res_mean,
                       percentile_cont(0.5) within group (order by seconds_to_resolve) as res_p50,
                       percentile_cont(0.9) within group (order by seconds_to_resolve) as res_p90,
                       percentile_cont(0.95) within group (order by seconds_to_resolve) as res_p95
                from incident_response_times
                where opened_at >= ? and opened_at < ?""");
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(window.from()), Timestamp.from(window.to())));
        if (window.service() != null) {
            sql.append(" and service = ?");
            args.add(window.service());
        }
        if (window.severity() != null) {
            sql.append(" and severity = ?");
            args.add(window.severity());
        }
        return jdbc.queryForObject(sql.toString(), (rs, row) -> new Report(window.from(), window.to(),
                window.service(), window.severity(), rs.getLong("incidents"), figures(rs, "ack"),
                figures(rs, "res")), args.toArray());
    }

    private static Figures figures(ResultSet rs, String prefix) throws SQLException {
        return new Figures(rs.getLong(prefix + "_count"), number(rs, prefix + "_mean"), number(rs, prefix + "_p50"),
                number(rs, prefix + "_p90"), number(rs, prefix + "_p95"));
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
