package io.vigil.notification.contact.adapter.persistence;

import io.vigil.contracts.Urgency;
import io.vigil.notification.contact.application.Contacts;
import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.contact.domain.ContactMethod;
import io.vigil.notification.contact.domain.NotificationRule;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcContacts implements Contacts {

    private final JdbcTemplate jdbc;

    JdbcContacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ContactMethod> methodsOf(String userId) {
        return jdbc.query("select id, channel, address, secret from contact_method where user_id = ? order by id",
                (rs, row) -> new ContactMethod(rs.getString(1), Channel.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4)), userId);
    }

    @Override
    public List<NotificationRule> rulesOf(String userId) {
        return jdbc.query("""
                select urgency, contact_method_id, delay_seconds from notification_rule
                where user_id = ? order by position""",
                (rs, row) -> new NotificationRule(Urgency.valueOf(rs.getString(1)), rs.getString(2),
                        Duration.ofSeconds(rs.getLong(3))), userId);
    }

    @Override
    public void replaceMethods(String userId, List<ContactMethod> methods) {
        jdbc.update("delete from contact_method where user_id = ?", userId);
        for (ContactMethod method : methods) {
            jdbc.update("insert into contact_method (user_id, id, channel, address, secret) values (?, ?, ?, ?, ?)",
                    userId, method.id(), method.channel().name(), method.address(), method.secret());
        }
        // Rules that named a method which no longer exists would page nobody; they go with it.
        jdbc.update("""
                delete from notification_rule r where r.user_id = ?
                and not exists (select 1 from contact_method m where m.user_id = r.user_id and m.id = r.contact_method_id)""",
                userId);
    }

    @Override
    public void replaceRules(String userId, List<NotificationRule> rules) {
        jdbc.update("delete from notification_rule where user_id = ?", userId);
        for (int i = 0; i < rules.size(); i++) {
            NotificationRule rule = rules.get(i);
            jdbc.update("""
                    insert into notification_rule (user_id, position, urgency, contact_method_id, delay_seconds)
                    values (?, ?, ?, ?, ?)""", userId, i, rule.urgency().name(), rule.contactMethodId(),
                    rule.delay().toSeconds());
        }
    }

    @Override
    public List<Channel> fallbackChainOf(String userId) {
        return jdbc.queryForList("select channels from user_fallback_chain where user_id = ?", String.class, userId)
                .stream().findFirst()
                .map(channels -> java.util.Arrays.stream(channels.split(",")).map(Channel::fromWireName).toList())
                .orElse(List.of());
    }

    @Override
    public void replaceFallbackChain(String userId, List<Channel> chain) {
        jdbc.update("delete from user_fallback_chain where user_id = ?", userId);
        if (!chain.isEmpty()) {
            jdbc.update("insert into user_fallback_chain (user_id, channels) values (?, ?)", userId,
                    String.join(",", chain.stream().map(Channel::wireName).toList()));
        }
    }
}
