package io.vigil.starter.inbox;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Consumer-side idempotency on event ids. */
@Configuration(proxyBeanMethods = false)
public class InboxConfiguration {

    @Bean
    Inbox inbox(JdbcTemplate jdbc, Clock clock) {
        return new JdbcInbox(jdbc, clock);
    }
}
