package io.vigil.notification.delivery.adapter.persistence;

import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.delivery.application.Deliveries;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.DeliveryStatus;
import io.vigil.notification.delivery.domain.Purpose;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDeliveries implements Deliveries {

    private static final String COLUMNS = """
            id, idempotency_key, request_id, incident_id, incident_number, title, service, severity, urgency, user_id,
            user_name, slack_user, page_email, channel, address, contact_method_id, rule_id, purpose, thread_ref, note,
            fallback_of, status, attempts, due_at, created_at, sent_via, provider_ref, last_error""";

    private final JdbcTemplate jdbc;

    JdbcDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(Delivery d) {
        return jdbc.update("insert into delivery (" + COLUMNS + ") values (" + "?, ".repeat(27) + "?)"
                + " on conflict (idempotency_key) do nothing",
                d.id(), d.idempotencyKey(), d.requestId(), d.incidentId(), d.incidentNumber(), d.title(), d.service(),
                d.severity(), d.urgency(), d.userId(), d.userName(), d.slackUser(), d.pageEmail(), d.channel().name(),
                d.address(), d.contactMethodId(), d.ruleId(), d.purpose().name(), d.threadRef(), d.note(),
                d.fallbackOf(), d.status().name(), d.attempts(), Timestamp.from(d.dueAt()),
                Timestamp.from(d.createdAt()), d.sentVia(), d.providerRef(), d.lastError()) == 1;
    }

    @Override
    public List<Delivery> claimDue(Instant now, Duration lease, int limit) {
        // The returned rows carry the due time before the lease moved it.
        return jdbc.query("""
                with due as (
                    select id, due_at as was_due from delivery
                    where status = 'PENDING' and due_at <= ?
                    order by due_at
                    limit ?
                    for update skip locked)
                update delivery d set due_at = ? from due where d.id = due.id
                returning d.id, d.idempotency_key, d.request_id, d.incident_id, d.incident_number, d.title, d.service,
                    d.severity, d.urgency, d.user_id, d.user_name, d.slack_user, d.page_email, d.channel, d.address,
                    d.contact_method_id, d.rule_id, d.purpose, d.thread_ref, d.note, d.fallback_of, d.status,
                    d.attempts, due.was_due, d.created_at, d.sent_via, d.provider_ref, d.last_error""",
                JdbcDeliveries::map, Timestamp.from(now), limit, Timestamp.from(now.plus(lease)));
    }

    @Override
    public void markSent(UUID id, int attempts, Instant at, String via, String providerRef) {
        jdbc.update("""
                update delivery set status = 'SENT', attempts = ?, sent_at = ?, sent_via = ?, provider_ref = ?,
                last_error = null where id = ?""", attempts, Timestamp.from(at), via, providerRef, id);
    }

    @Override
    public Map<String, Instant> lastSentTo(Channel channel, Collection<String> addresses) {
        Map<String, Instant> last = new HashMap<>();
        if (addresses.isEmpty()) {
            return last;
        }
        jdbc.query("""
                select address, max(sent_at) from delivery
                where address = any(?) and channel = ? and status = 'SENT' and sent_at is not null
                group by address""", statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("text", addresses.toArray()));
                    statement.setString(2, channel.name());
                }, row -> {
                    last.put(row.getString(1), row.getTimestamp(2).toInstant());
                });
        return last;
    }

    @Override
    public void hold(UUID id, Instant until, String why) {
        jdbc.update("update delivery set due_at = ?, last_error = ? where id = ? and status = 'PENDING'",
                Timestamp.from(until), why, id);
    }

    @Override
    public void scheduleRetry(UUID id, int attempts, Instant dueAt, String error) {
        jdbc.update("update delivery set attempts = ?, due_at = ?, last_error = ? where id = ? and status = 'PENDING'",
                attempts, Timestamp.from(dueAt), error, id);
    }

    @Override
    public void markFailed(UUID id, int attempts, String error) {
        jdbc.update("update delivery set status = 'FAILED', attempts = ?, last_error = ? where id = ?", attempts, error,
                id);
    }

    @Override
    public List<Delivery> cancelPending(UUID incidentId) {
        // A run's request for approval stays (the run still waits), and so does a note: it is news, not a page.
        return jdbc.query("update delivery set status = 'CANCELLED' where incident_id = ? and status = 'PENDING' "
                + "and purpose not in ('APPROVAL', 'NOTE') returning " + COLUMNS, JdbcDeliveries::map, incidentId);
    }

    @Override
    public List<Delivery> serviceChannelPosts(UUID incidentId) {
        return jdbc.query("select " + COLUMNS + """
                 from delivery where incident_id = ? and channel = 'SLACK' and purpose = 'PAGE'
                and user_id like 'service:%' and status in ('PENDING', 'SENT') order by created_at""",
                JdbcDeliveries::map, incidentId);
    }

    @Override
    public List<Delivery> sentSlackPages(UUID incidentId) {
        return jdbc.query("select " + COLUMNS + """
                 from delivery where incident_id = ? and channel = 'SLACK' and purpose = 'PAGE' and status = 'SENT'
                and sent_via = 'slack-api' and provider_ref is not null order by created_at""",
                JdbcDeliveries::map, incidentId);
    }

    @Override
    public Optional<Delivery> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from delivery where id = ?", JdbcDeliveries::map, id).stream()
                .findFirst();
    }

    @Override
    public List<Delivery> withProviderRef(String providerRef) {
        return jdbc.query("select " + COLUMNS + " from delivery where provider_ref = ? order by created_at",
                JdbcDeliveries::map, providerRef);
    }

    @Override
    public List<Delivery> list(Optional<DeliveryStatus> status, int limit) {
        return status.map(s -> jdbc.query("select " + COLUMNS
                        + " from delivery where status = ? order by created_at desc, id limit ?", JdbcDeliveries::map,
                        s.name(), limit))
                .orElseGet(() -> jdbc.query("select " + COLUMNS + " from delivery order by created_at desc, id limit ?",
                        JdbcDeliveries::map, limit));
    }

    @Override
    public boolean reopen(UUID id, Instant dueAt) {
        return jdbc.update("update delivery set status = 'PENDING', due_at = ? where id = ? and status = 'FAILED'",
                Timestamp.from(dueAt), id) == 1;
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        Timestamp created = rs.getTimestamp(25);
        return new Delivery(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                Channel.valueOf(rs.getString(14)), rs.getString(15), rs.getString(16), rs.getString(17),
                Purpose.valueOf(rs.getString(18)), rs.getString(19), rs.getString(20), rs.getObject(21, UUID.class),
                DeliveryStatus.valueOf(rs.getString(22)), rs.getInt(23), rs.getTimestamp(24).toInstant(),
                created.toInstant(), rs.getString(26), rs.getString(27), rs.getString(28));
    }
}
