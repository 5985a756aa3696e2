package io.vigil.starter;

import io.vigil.contracts.EnvelopeCodec;
import io.vigil.starter.inbox.InboxConfiguration;
import io.vigil.starter.kafka.KafkaConfiguration;
import io.vigil.starter.outbox.OutboxConfiguration;
import io.vigil.starter.security.ApiSecurityConfiguration;
import io.vigil.starter.web.ProblemDetailsAdvice;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** What every Vigil service gets by depending on the starter. */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, DataSourceAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class}, before = WebMvcAutoConfiguration.class)
@EnableConfigurationProperties(VigilPlatformProperties.class)
@Import({OutboxConfiguration.class, InboxConfiguration.class, KafkaConfiguration.class, ProblemDetailsAdvice.class,
        ApiSecurityConfiguration.class})
public class VigilAutoConfiguration {

    /** The time every service reads; tests replace it with a clock they move. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EnvelopeCodec envelopeCodec() {
        return new EnvelopeCodec();
    }
}
