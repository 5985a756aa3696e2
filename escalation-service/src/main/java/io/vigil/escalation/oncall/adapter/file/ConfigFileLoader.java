package io.vigil.escalation.oncall.adapter.file;

import io.vigil.escalation.EscalationProperties;
import io.vigil.escalation.oncall.application.ApplyConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Applies the configuration file named by {@code vigil.escalation.config-file} at start, before the listener and
 * the timers run, so configuration as code is in force from the first event. An invalid file stops the start with
 * every problem listed.
 */
@Component
class ConfigFileLoader implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ConfigFileLoader.class);

    private final EscalationProperties properties;
    private final ResourceLoader resources;
    private final ConfigYaml yaml;
    private final ApplyConfiguration apply;

    ConfigFileLoader(EscalationProperties properties, ResourceLoader resources, ConfigYaml yaml,
            ApplyConfiguration apply) {
        this.properties = properties;
        this.resources = resources;
        this.yaml = yaml;
        this.apply = apply;
    }

    @Override
    public void afterPropertiesSet() {
        String location = properties.configFile();
        if (location == null || location.isBlank()) {
            return;
        }
        Resource resource = resources.getResource(location);
        String text;
        try (InputStream in = resource.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the escalation configuration " + location, e);
        }
        long version = apply.apply(yaml.read(text));
        log.info("Escalation configuration {} in force as version {}", location, version);
    }
}
