package io.vigil.incident.sla.adapter.persistence;

import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.sla.application.StoredPolicies;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Policies in {@code sla_policy}, targets as JSON objects of ISO-8601 durations by severity. */
@Repository
class JdbcStoredPolicies implements StoredPolicies {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> TARGETS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    JdbcStoredPolicies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredPolicy> find(String service) {
        return jdbc.query("""
                select service, tier, availability, response_targets::text as response,
                       resolution_targets::text as resolution, updated_at, updated_by
                from sla_policy where service = ?""", (rs, row) -> {
            BigDecimal availability = rs.getBigDecimal("availability");
            return new StoredPolicy(rs.getString("service"), rs.getString("tier"),
                    availability == null ? null : availability.doubleValue(), targets(rs.getString("response")),
                    targets(rs.getString("resolution")), rs.getTimestamp("updated_at").toInstant(),
                    rs.getString("updated_by"));
        }, service).stream().findFirst();
    }

    @Override
    public void save(StoredPolicy policy) {
        jdbc.update("""
                insert into sla_policy (service, tier, availability, response_targets, resolution_targets, updated_at,
                                        updated_by)
                values (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)
                on conflict (service) do update set tier = excluded.tier, availability = excluded.availability,
                    response_targets = excluded.response_targets, resolution_targets = excluded.resolution_targets,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""",
                policy.service(), policy.tier(),
                policy.availability() == null ? null : BigDecimal.valueOf(policy.availability()),
                json(policy.responseTargets()), json(policy.resolutionTargets()),
                Timestamp.from(policy.updatedAt()), policy.updatedBy());
    }

    @Override
    public List<String> services() {
        return jdbc.queryForList("select service from sla_policy order by service", String.class);
    }

    private static String json(Map<Severity, Duration> targets) {
        Map<Severity, Duration> inOrder = new EnumMap<>(Severity.class);
        inOrder.putAll(targets);
        Map<String, String> plain = new LinkedHashMap<>();
        inOrder.forEach((severity, target) -> plain.put(severity.name(), target.toString()));
        return JSON.writeValueAsString(plain);
    }

    private static Map<Severity, Duration> targets(String json) {
        Map<Severity, Duration> targets = new EnumMap<>(Severity.class);
        JSON.readValue(json, TARGETS).forEach((severity, target) ->
                targets.put(Severity.valueOf(severity), Duration.parse(target)));
        return targets;
    }
}
