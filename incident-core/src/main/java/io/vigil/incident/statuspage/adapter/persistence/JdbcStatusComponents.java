package io.vigil.incident.statuspage.adapter.persistence;

import io.vigil.incident.statuspage.application.StatusComponents;
import io.vigil.incident.statuspage.domain.ComponentGroup;
import io.vigil.incident.statuspage.domain.ComponentStatus;
import io.vigil.incident.statuspage.domain.StatusComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcStatusComponents implements StatusComponents {

    private static final String COLUMNS = "c.id, c.group_id, c.name, c.description, c.position, c.status, "
            + "c.created_at, c.updated_at";

    private final JdbcTemplate jdbc;

    JdbcStatusComponents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ComponentGroup> groups() {
        return jdbc.query("select id, name, position, created_at from status_component_group order by position, name",
                JdbcStatusComponents::group);
    }

    @Override
    public Optional<ComponentGroup> group(UUID id) {
        return jdbc.query("select id, name, position, created_at from status_component_group where id = ?",
                JdbcStatusComponents::group, id).stream().findFirst();
    }

    @Override
    public boolean addGroup(ComponentGroup group) {
        return jdbc.update("""
                insert into status_component_group (id, name, position, created_at) values (?, ?, ?, ?)
                on conflict (name) do nothing""", group.id(), group.name(), group.position(),
                Timestamp.from(group.createdAt())) == 1;
    }

    @Override
    public boolean removeGroup(UUID id) {
        jdbc.update("update status_component set group_id = null where group_id = ?", id);
        return jdbc.update("delete from status_component_group where id = ?", id) == 1;
    }

    @Override
    public List<StatusComponent> all() {
        return jdbc.query("select " + COLUMNS + """
                 from status_component c left join status_component_group g on g.id = c.group_id
                order by g.position nulls last, g.name, c.position, c.name""", JdbcStatusComponents::component);
    }

    @Override
    public Optional<StatusComponent> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from status_component c where c.id = ?",
                JdbcStatusComponents::component, id).stream().findFirst();
    }

    @Override
    public boolean add(StatusComponent c) {
        try {
            return jdbc.update("""
                    insert into status_component (id, group_id, name, description, position, status, created_at,
                        updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)""", c.id(), c.groupId(), c.name(), c.description(),
                    c.position(), c.status().label(), Timestamp.from(c.createdAt()),
                    Timestamp.from(c.updatedAt())) == 1;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    @Override
    public boolean update(StatusComponent c) {
        try {
            return jdbc.update("""
                    update status_component set group_id = ?, name = ?, description = ?, position = ?, status = ?,
                        updated_at = ? where id = ?""", c.groupId(), c.name(), c.description(), c.position(),
                    c.status().label(), Timestamp.from(c.updatedAt()), c.id()) == 1;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    @Override
    public boolean remove(UUID id) {
        return jdbc.update("delete from status_component where id = ?", id) == 1;
    }

    private static ComponentGroup group(ResultSet rs, int row) throws SQLException {
        return new ComponentGroup(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                rs.getTimestamp(4).toInstant());
    }

    private static StatusComponent component(ResultSet rs, int row) throws SQLException {
        return new StatusComponent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getInt(5), ComponentStatus.fromLabel(rs.getString(6), "status"),
                rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant());
    }
}
