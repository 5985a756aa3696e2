package io.vigil.notification.contact.adapter.file;

import io.vigil.contracts.Urgency;
import io.vigil.notification.NotificationProperties;
import io.vigil.notification.contact.application.ApplyContactConfiguration;
import io.vigil.notification.contact.application.ApplyContactConfiguration.UserSection;
import io.vigil.notification.contact.application.InvalidContacts;
import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.contact.domain.ContactMethod;
import io.vigil.notification.contact.domain.NotificationRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Applies the file named by {@code vigil.notification.config-file} at start, before any page is handled, so
 * configuration as code is in force from the first request. An invalid file stops the start with its problems.
 */
@Component
class ContactConfigLoader implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ContactConfigLoader.class);

    private final NotificationProperties properties;
    private final ResourceLoader resources;
    private final ApplyContactConfiguration apply;

    ContactConfigLoader(NotificationProperties properties, ResourceLoader resources, ApplyContactConfiguration apply) {
        this.properties = properties;
        this.resources = resources;
        this.apply = apply;
    }

    @Override
    public void afterPropertiesSet() {
        String location = properties.configFile();
        if (location == null || location.isBlank()) {
            return;
        }
        String text;
        try (InputStream in = resources.getResource(location).getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the notification configuration " + location, e);
        }
        Map<String, UserSection> users = read(text);
        Map<String, String> services = readServices(text);
        apply.apply(users, services, readServiceFallbackChains(text));
        log.info("Notification configuration {} in force for {} users and {} service channels", location,
                users.size(), services.size());
    }

    private static Object tree(String text) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw invalid("file", "is not YAML: " + e.getMessage());
        }
    }

    /** The {@code services} section: service name to the Slack channel that hears about its incidents. */
    static Map<String, String> readServices(String text) {
        Map<String, String> services = new LinkedHashMap<>();
        if (!(tree(text) instanceof Map<?, ?> root) || root.get("services") == null) {
            return services;
        }
        if (!(root.get("services") instanceof Map<?, ?> serviceMap)) {
            throw invalid("services", "must be a map of service name to slackChannel");
        }
        for (Map.Entry<?, ?> entry : serviceMap.entrySet()) {
            String path = "services." + entry.getKey();
            if (!(entry.getValue() instanceof Map<?, ?> section)
                    || (section.get("slackChannel") == null && section.get("fallbackChain") == null)) {
                throw invalid(path, "must have a slackChannel or a fallbackChain");
            }
            if (section.get("slackChannel") != null) {
                services.put(String.valueOf(entry.getKey()), string(section, "slackChannel", path));
            }
        }
        return services;
    }

    /** The {@code fallbackChain} of each service in the {@code services} section that has one. */
    static Map<String, List<String>> readServiceFallbackChains(String text) {
        Map<String, List<String>> chains = new LinkedHashMap<>();
        if (!(tree(text) instanceof Map<?, ?> root) || !(root.get("services") instanceof Map<?, ?> serviceMap)) {
            return chains;
        }
        for (Map.Entry<?, ?> entry : serviceMap.entrySet()) {
            if (entry.getValue() instanceof Map<?, ?> section && section.get("fallbackChain") != null) {
                chains.put(String.valueOf(entry.getKey()),
                        channelNames(section.get("fallbackChain"), "services." + entry.getKey() + ".fallbackChain"));
            }
        }
        return chains;
    }

    private static List<String> channelNames(Object chain, String path) {
        if (!(chain instanceof List<?> names)) {
            throw invalid(path, "must be a list of channels, e.g. [slack, sms, email]");
        }
        return names.stream().map(String::valueOf).toList();
    }

    static Map<String, UserSection> read(String text) {
        Object tree = tree(text);
        Map<String, UserSection> users = new LinkedHashMap<>();
        if (!(tree instanceof Map<?, ?> root)) {
            throw invalid("users", "must be a map of user id to contact methods and rules");
        }
        if (root.get("users") == null && root.get("services") != null) {
            return users;
        }
        if (!(root.get("users") instanceof Map<?, ?> userMap)) {
            throw invalid("users", "must be a map of user id to contact methods and rules");
        }
        for (Map.Entry<?, ?> entry : userMap.entrySet()) {
            String userId = String.valueOf(entry.getKey());
            String path = "users." + userId;
            if (!(entry.getValue() instanceof Map<?, ?> section)) {
                throw invalid(path, "must have contactMethods and rules");
            }
            List<ContactMethod> methods = new ArrayList<>();
            int i = 0;
            for (Map<?, ?> method : list(section.get("contactMethods"), path + ".contactMethods")) {
                String at = path + ".contactMethods[" + i++ + "]";
                Channel channel;
                try {
                    channel = Channel.fromWireName(string(method, "channel", at));
                } catch (IllegalArgumentException e) {
                    throw invalid(at + ".channel", "must be slack, sms, voice, email or webhook");
                }
                Object secret = method.get("secret");
                methods.add(new ContactMethod(string(method, "id", at), channel, string(method, "address", at),
                        secret == null ? null : String.valueOf(secret)));
            }
            List<NotificationRule> rules = new ArrayList<>();
            i = 0;
            for (Map<?, ?> rule : list(section.get("rules"), path + ".rules")) {
                String at = path + ".rules[" + i++ + "]";
                Urgency urgency;
                try {
                    urgency = Urgency.valueOf(string(rule, "urgency", at).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw invalid(at + ".urgency", "must be high or low");
                }
                Object delay = rule.get("delay");
                try {
                    rules.add(new NotificationRule(urgency, string(rule, "contactMethod", at),
                            delay == null ? java.time.Duration.ZERO : DurationStyle.detectAndParse(String.valueOf(delay))));
                } catch (IllegalArgumentException e) {
                    throw invalid(at + ".delay", "must be a duration such as 0s, 2m or PT5M");
                }
            }
            Object chain = section.get("fallbackChain");
            List<String> fallbackChain = chain == null ? List.of() : channelNames(chain, path + ".fallbackChain");
            users.put(userId, new UserSection(methods, rules, fallbackChain));
        }
        return users;
    }

    private static List<Map<?, ?>> list(Object value, String path) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw invalid(path, "must be a list");
        }
        List<Map<?, ?>> maps = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> map)) {
                throw invalid(path, "must be a list of maps");
            }
            maps.add(map);
        }
        return maps;
    }

    private static String string(Map<?, ?> map, String key, String path) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw invalid(path + "." + key, "is required");
        }
        return String.valueOf(value);
    }

    private static InvalidContacts invalid(String field, String message) {
        return new InvalidContacts(List.of(new InvalidContacts.Problem(field, message)));
    }
}
