package io.vigil.incident.review.adapter.persistence;

import io.vigil.incident.review.application.ActionItems;
import io.vigil.incident.review.domain.ActionItem;
import io.vigil.incident.review.domain.ActionItemStatus;
import io.vigil.incident.review.domain.Priority;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Action items in {@code action_item}. */
@Repository
class JdbcActionItems implements ActionItems {

    private static final String COLUMNS =
            "id, review_id, title, priority, owner, due_date, status, created_at, closed_at, reminded_for";

    private final JdbcTemplate jdbc;

    JdbcActionItems(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ActionItem> of(UUID reviewId) {
        return jdbc.query("select " + COLUMNS + " from action_item where review_id = ? order by priority, created_at,"
                + " id", (rs, row) -> item(rs), reviewId);
    }

    @Override
    public Optional<ActionItem> find(UUID reviewId, UUID itemId) {
        return jdbc.query("select " + COLUMNS + " from action_item where review_id = ? and id = ?",
                (rs, row) -> item(rs), reviewId, itemId).stream().findFirst();
    }

    @Override
    public void insert(ActionItem item) {
        jdbc.update("insert into action_item (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                item.id(), item.reviewId(), item.title(), item.priority().name(), item.owner(), date(item.dueDate()),
                item.status().name(), timestamp(item.createdAt()), timestamp(item.closedAt()),
                date(item.remindedFor()));
    }

    @Override
    public void update(ActionItem item) {
        jdbc.update("""
                update action_item set title = ?, priority = ?, owner = ?, due_date = ?, status = ?, closed_at = ?,
                       reminded_for = ?
                where id = ?""",
                item.title(), item.priority().name(), item.owner(), date(item.dueDate()), item.status().name(),
                timestamp(item.closedAt()), date(item.remindedFor()), item.id());
    }

    @Override
    public boolean delete(UUID reviewId, UUID itemId) {
        return jdbc.update("delete from action_item where review_id = ? and id = ?", reviewId, itemId) > 0;
    }

    @Override
    public List<ActionItem> search(LocalDate dueBefore, String owner, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from action_item where true");
        List<Object> args = new ArrayList<>();
        if (dueBefore != null) {
            sql.append(" and status = 'OPEN' and due_date < ?");
            args.add(date(dueBefore));
        }
        if (owner != null) {
            sql.append(" and owner = ?");
            args.add(owner);
        }
        sql.append(" order by priority, due_date nulls last, created_at, id limit ? offset ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql.toString(), (rs, row) -> item(rs), args.toArray());
    }

    @Override
    public List<ActionItem> claimUnreminded(LocalDate today, int limit) {
        return jdbc.query("select " + COLUMNS + """
                 from action_item
                where status = 'OPEN' and due_date < ? and reminded_for is distinct from due_date
                order by due_date, id limit ? for update skip locked""", (rs, row) -> item(rs), date(today), limit);
    }

    private static ActionItem item(ResultSet rs) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new ActionItem(rs.getObject("id", UUID.class), rs.getObject("review_id", UUID.class),
                rs.getString("title"), Priority.valueOf(rs.getString("priority")), rs.getString("owner"),
                localDate(rs.getDate("due_date")), ActionItemStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), closed == null ? null : closed.toInstant(),
                localDate(rs.getDate("reminded_for")));
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
