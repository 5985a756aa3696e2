package io.vigil.notification.contact.adapter.persistence;

import io.vigil.notification.contact.application.ServiceChannels;
import io.vigil.notification.contact.domain.Channel;
import java.util.Arrays;
import java.util.List;
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

    @Override
    public List<Channel> fallbackChainOf(String service) {
        return jdbc.queryForList("select channels from service_fallback_chain where service = ?", String.class,
                        service)
                .stream().findFirst()
                .map(channels -> Arrays.stream(channels.split(",")).map(Channel::fromWireName).toList())
                .orElse(List.of());
    }

    @Override
    public void setFallbackChain(String service, List<Channel> chain) {
        jdbc.update("delete from service_fallback_chain where service = ?", service);
        if (!chain.isEmpty()) {
            jdbc.update("insert into service_fallback_chain (service, channels) values (?, ?)", service,
                    String.join(",", chain.stream().map(Channel::wireName).toList()));
        }
    }
}
