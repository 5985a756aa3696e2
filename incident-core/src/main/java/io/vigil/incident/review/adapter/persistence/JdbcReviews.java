package io.vigil.incident.review.adapter.persistence;

import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.review.application.Reviews;
import io.vigil.incident.review.domain.Findings;
import io.vigil.incident.review.domain.Impact;
import io.vigil.incident.review.domain.Review;
import io.vigil.incident.review.domain.ReviewState;
import io.vigil.incident.review.domain.TimelineLine;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reviews in {@code review}, their timelines in {@code review_timeline_entry}. */
@Repository
class JdbcReviews implements Reviews {

    private static final String COLUMNS = """
            id, incident_id, incident_number, title, service, severity, state, started_at, ended_at,
            services_affected, customers_affected, summary, root_causes, contributing_factors, went_well, went_badly,
            lessons, created_at, updated_at, published_at""";

    private final JdbcTemplate jdbc;

    JdbcReviews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Review> find(UUID id) {
        return one("select " + COLUMNS + " from review where id = ?", id);
    }

    @Override
    public Optional<Review> lock(UUID id) {
        return one("select " + COLUMNS + " from review where id = ? for update", id);
    }

    @Override
    public Optional<Review> ofIncident(UUID incidentId) {
        return one("select " + COLUMNS + " from review where incident_id = ?", incidentId);
    }

    @Override
    public List<Review> list(ReviewState state, int limit, int offset) {
        List<Object> args = new ArrayList<>();
        String where = "";
        if (state != null) {
            where = " where state = ?";
            args.add(state.name());
        }
        args.add(limit);
        args.add(offset);
        return withTimelines(jdbc.query("select " + COLUMNS + " from review" + where
                + " order by created_at desc, id limit ? offset ?", (rs, row) -> review(rs), args.toArray()));
    }

    @Override
    public boolean insertIfAbsent(Review review) {
        Impact impact = review.impact();
        Findings findings = review.findings();
        int inserted = jdbc.update("insert into review (" + COLUMNS + """
                ) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing""",
                review.id(), review.incidentId(), review.incidentNumber(), review.title(), review.service(),
                review.severity().name(), review.state().name(), timestamp(impact.startedAt()),
                timestamp(impact.endedAt()), impact.servicesAffected().toArray(String[]::new),
                impact.customersAffected(), findings.summary(), findings.rootCauses(),
                findings.contributingFactors(), findings.wentWell(), findings.wentBadly(), findings.lessons(),
                timestamp(review.createdAt()), timestamp(review.updatedAt()), timestamp(review.publishedAt()));
        if (inserted == 0) {
            return false;
        }
        List<Object[]> lines = new ArrayList<>();
        int position = 0;
        for (TimelineLine line : review.timeline()) {
            lines.add(new Object[] {review.id(), position++, timestamp(line.at()), line.kind(), line.summary(),
                    line.actor()});
        }
        jdbc.batchUpdate("""
                insert into review_timeline_entry (review_id, position, at, kind, summary, actor)
                values (?, ?, ?, ?, ?, ?)""", lines);
        return true;
    }

    @Override
    public void update(Review review) {
        Impact impact = review.impact();
        Findings findings = review.findings();
        jdbc.update("""
                update review set state = ?, services_affected = ?, customers_affected = ?, summary = ?,
                       root_causes = ?, contributing_factors = ?, went_well = ?, went_badly = ?, lessons = ?,
                       updated_at = ?, published_at = ?
                where id = ?""",
                review.state().name(), impact.servicesAffected().toArray(String[]::new), impact.customersAffected(),
                findings.summary(), findings.rootCauses(), findings.contributingFactors(), findings.wentWell(),
                findings.wentBadly(), findings.lessons(), timestamp(review.updatedAt()),
                timestamp(review.publishedAt()), review.id());
    }

    private Optional<Review> one(String sql, UUID id) {
        return withTimelines(jdbc.query(sql, (rs, row) -> review(rs), id)).stream().findFirst();
    }

    private List<Review> withTimelines(List<Review> reviews) {
        return reviews.stream().map(review -> new Review(review.id(), review.incidentId(), review.incidentNumber(),
                review.title(), review.service(), review.severity(), review.state(), review.impact(),
                review.findings(), timelineOf(review.id()), review.createdAt(), review.updatedAt(),
                review.publishedAt())).toList();
    }

    private List<TimelineLine> timelineOf(UUID reviewId) {
        return jdbc.query("""
                select at, kind, summary, actor from review_timeline_entry where review_id = ? order by position""",
                (rs, row) -> new TimelineLine(rs.getTimestamp("at").toInstant(), rs.getString("kind"),
                        rs.getString("summary"), rs.getString("actor")), reviewId);
    }

    private static Review review(ResultSet rs) throws SQLException {
        Array services = rs.getArray("services_affected");
        return new Review(rs.getObject("id", UUID.class), rs.getObject("incident_id", UUID.class),
                rs.getLong("incident_number"), rs.getString("title"), rs.getString("service"),
                Severity.valueOf(rs.getString("severity")), ReviewState.valueOf(rs.getString("state")),
                new Impact(instant(rs, "started_at"), instant(rs, "ended_at"),
                        Arrays.asList((String[]) services.getArray()), rs.getString("customers_affected")),
                new Findings(rs.getString("summary"), rs.getString("root_causes"),
                        rs.getString("contributing_factors"), rs.getString("went_well"), rs.getString("went_badly"),
                        rs.getString("lessons")),
                List.of(), instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "published_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
