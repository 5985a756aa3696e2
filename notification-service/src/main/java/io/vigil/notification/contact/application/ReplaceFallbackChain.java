package io.vigil.notification.contact.application;

import io.vigil.notification.contact.domain.Channel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets the order of channels a person's page falls back through when one fails for good, instead of the
 * service-wide {@code vigil.notification.fallback-chain}: e.g. someone who must never be called goes Slack, SMS,
 * e-mail. An empty chain returns them to the service-wide one.
 */
@Service
public class ReplaceFallbackChain {

    private final Contacts contacts;

    public ReplaceFallbackChain(Contacts contacts) {
        this.contacts = contacts;
    }

    /** @throws InvalidContacts naming every unknown or repeated channel; nothing is changed then */
    @Transactional
    public void replace(String userId, List<String> channelNames) {
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
        contacts.replaceFallbackChain(userId, chain);
    }
}
