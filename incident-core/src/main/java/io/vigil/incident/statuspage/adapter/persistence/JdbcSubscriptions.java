package io.vigil.incident.statuspage.adapter.persistence;

import io.vigil.incident.statuspage.application.Subscriptions;
import io.vigil.incident.statuspage.domain.Subscription;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSubscriptions implements Subscriptions {

    private static final String COLUMNS = "id, channel, address, created_at";

    private final JdbcTemplate jdbc;

    JdbcSubscriptions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Subscription addOrGet(Subscription s) {
        jdbc.update("""
                insert into status_subscription (id, channel, address, created_at) values (?, ?, ?, ?)
                on conflict (channel, address) do nothing""", s.id(), s.channel().label(), s.address(),
                Timestamp.from(s.createdAt()));
        return jdbc.queryForObject("select " + COLUMNS + " from status_subscription where channel = ? and address = ?",
                JdbcSubscriptions::map, s.channel().label(), s.address());
    }

    @Override
    public List<Subscription> all() {
        return jdbc.query("select " + COLUMNS + " from status_subscription order by created_at, id",
                JdbcSubscriptions::map);
    }

    @Override
    public boolean remove(UUID id) {
        return jdbc.update("delete from status_subscription where id = ?", id) == 1;
    }

    @Override
    public Optional<Subscription> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from status_subscription where id = ?", JdbcSubscriptions::map, id)
                .stream().findFirst();
    }

    private static Subscription map(ResultSet rs, int row) throws SQLException {
        return new Subscription(rs.getObject(1, UUID.class), Subscription.Channel.fromLabel(rs.getString(2), "channel"),
                rs.getString(3), rs.getTimestamp(4).toInstant());
    }
}
