package io.vigil.notification.contact.application;

import io.vigil.notification.contact.domain.ContactMethod;
import io.vigil.notification.contact.domain.NotificationRule;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies configuration as code in one transaction: for every user in the document their methods and rules, for every
 * service its Slack channel.
 */
@Service
public class ApplyContactConfiguration {

    /**
     * One user's part of the configuration document.
     *
     * @param fallbackChain their own order of channels to fall back through; empty for the service-wide one
     */
    public record UserSection(List<ContactMethod> contactMethods, List<NotificationRule> rules,
            List<String> fallbackChain) {

        public UserSection(List<ContactMethod> contactMethods, List<NotificationRule> rules) {
            this(contactMethods, rules, List.of());
        }
    }

    private final ReplaceContactMethods replaceMethods;
    private final ReplaceNotificationRules replaceRules;
    private final ReplaceFallbackChain replaceFallbackChain;
    private final SetServiceChannel setServiceChannel;

    public ApplyContactConfiguration(ReplaceContactMethods replaceMethods, ReplaceNotificationRules replaceRules,
            ReplaceFallbackChain replaceFallbackChain, SetServiceChannel setServiceChannel) {
        this.replaceMethods = replaceMethods;
        this.replaceRules = replaceRules;
        this.replaceFallbackChain = replaceFallbackChain;
        this.setServiceChannel = setServiceChannel;
    }

    /**
     * @param users           user id to their methods and rules
     * @param serviceChannels service to the Slack channel that hears about its incidents
     * @throws InvalidContacts for the first user or service with invalid entries; nothing is changed then
     */
    @Transactional
    public void apply(Map<String, UserSection> users, Map<String, String> serviceChannels) {
        apply(users, serviceChannels, Map.of());
    }

    /**
     * @param serviceChains service to its fallback chain, for the people paged about its incidents
     * @throws InvalidContacts for the first user or service with invalid entries; nothing is changed then
     */
    @Transactional
    public void apply(Map<String, UserSection> users, Map<String, String> serviceChannels,
            Map<String, List<String>> serviceChains) {
        serviceChains.forEach((service, chain) -> {
            try {
                replaceFallbackChain.replaceForService(service, chain);
            } catch (InvalidContacts e) {
                throw new InvalidContacts(e.problems().stream()
                        .map(p -> new InvalidContacts.Problem("services." + service + "." + p.field(), p.message()))
                        .toList());
            }
        });
        serviceChannels.forEach((service, channel) -> {
            try {
                setServiceChannel.set(service, channel);
            } catch (InvalidContacts e) {
                throw new InvalidContacts(e.problems().stream()
                        .map(p -> new InvalidContacts.Problem("services." + service + "." + p.field(), p.message()))
                        .toList());
            }
        });
        users.forEach((userId, section) -> {
            try {
                replaceMethods.replace(userId, section.contactMethods());
                replaceRules.replace(userId, section.rules());
                replaceFallbackChain.replace(userId, section.fallbackChain());
            } catch (InvalidContacts e) {
                throw new InvalidContacts(e.problems().stream()
                        .map(p -> new InvalidContacts.Problem("users." + userId + "." + p.field(), p.message()))
                        .toList());
            }
        });
    }
}
