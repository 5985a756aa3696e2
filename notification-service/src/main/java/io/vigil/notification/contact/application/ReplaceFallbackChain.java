package io.vigil.notification.contact.application;

import io.vigil.notification.contact.domain.Channel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets the order of channels a page falls back through when one fails for good, for a person or for a service,
 * instead of {@code vigil.notification.fallback-chain}: e.g. someone who must never be called goes Slack, SMS,
 * e-mail. A person's own chain comes first, then their incident's service's. An empty chain removes it.
 */
@Service
public class ReplaceFallbackChain {

    private final Contacts contacts;
    private final ServiceChannels services;

    public ReplaceFallbackChain(Contacts contacts, ServiceChannels services) {
        this.contacts = contacts;
        this.services = services;
    }

    /** @throws InvalidContacts naming every unknown or repeated channel; nothing is changed then */
    @Transactional
    public void replace(String userId, List<String> channelNames) {
        contacts.replaceFallbackChain(userId, parse(channelNames));
    }

    /**
     * Sets the chain of a service, followed by the people paged about its incidents who have none of their own.
     *
     * @throws InvalidContacts naming every unknown or repeated channel; nothing is changed then
     */
    @Transactional
    public void replaceForService(String service, List<String> channelNames) {
        services.setFallbackChain(service, parse(channelNames));
    }

    private static List<Channel> parse(List<String> channelNames) {
        List<InvalidContacts.Problem> problems = new ArrayList<>();
        List<Channel> chain = new ArrayList<>();
        Set<Channel> seen = new HashSet<>();
        for (int i = 0; i < channelNames.size(); i++) {
            String field = "fallbackChain[" + i + "]";
            Channel channel;
            try {
                channel = Channel.fromWireName(channelNames.get(i));
            } catch (IllegalArgumentException | NullPointerException e) {
                problems.add(new InvalidContacts.Problem(field, "must be slack, sms, voice, email or webhook"));
                continue;
            }
            if (channel == Channel.NONE) {
                problems.add(new InvalidContacts.Problem(field, "must be slack, sms, voice, email or webhook"));
            } else if (!seen.add(channel)) {
                problems.add(new InvalidContacts.Problem(field, "repeats " + channel.wireName()));
            } else {
                chain.add(channel);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidContacts(problems);
        }
        return chain;
    }
}
