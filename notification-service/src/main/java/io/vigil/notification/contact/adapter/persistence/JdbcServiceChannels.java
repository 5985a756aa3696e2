package io.vigil.notification.contact.adapter.persistence;

import io.vigil.notification.contact.application.ServiceChannels;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcServiceChannels implements ServiceChannels {

    private final JdbcTemplate jdbc;

    JdbcServiceChannels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> slackChannelOf(String service) {
        return jdbc.queryForList("select slack_channel from service_channel where service = ?", String.class, service)
                .stream().findFirst();
    }

    @Override
    public void set(String service, String slackChannel) {
        if (slackChannel == null) {
            jdbc.update("delete from service_channel where service = ?", service);
            return;
        }
        jdbc.update("""
                insert into service_channel (service, slack_channel) values (?, ?)
                on conflict (service) do update set slack_channel = excluded.slack_channel""", service, slackChannel);
    }
}
