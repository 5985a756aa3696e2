package io.vigil.notification.contact.application;

import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.contact.domain.ContactMethod;
import io.vigil.notification.contact.domain.NotificationRule;
import java.util.List;

/** Where contact methods and notification rules are kept, per user. */
public interface Contacts {

    List<ContactMethod> methodsOf(String userId);

    List<NotificationRule> rulesOf(String userId);

    /** Replaces all of the user's contact methods. */
    void replaceMethods(String userId, List<ContactMethod> methods);

    /** Replaces all of the user's notification rules. */
    void replaceRules(String userId, List<NotificationRule> rules);

    /** The user's own fallback chain; empty when they follow the service-wide one. */
    List<Channel> fallbackChainOf(String userId);

    /** Sets the user's own fallback chain; an empty list returns them to the service-wide one. */
    void replaceFallbackChain(String userId, List<Channel> chain);
}
