package io.vigil.notification.contact.application;

import io.vigil.notification.contact.domain.ContactMethod;
import io.vigil.notification.contact.domain.NotificationRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sets a user's notification rules, all or nothing; every rule must name one of the user's contact methods. */
@Service
public class ReplaceNotificationRules {

    private final Contacts contacts;

    public ReplaceNotificationRules(Contacts contacts) {
        this.contacts = contacts;
    }

    /** @throws InvalidContacts naming every invalid rule; nothing is changed then */
    @Transactional
    public void replace(String userId, List<NotificationRule> rules) {
        Set<String> methodIds = contacts.methodsOf(userId).stream().map(ContactMethod::id).collect(Collectors.toSet());
        List<InvalidContacts.Problem> problems = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            NotificationRule rule = rules.get(i);
            if (!methodIds.contains(rule.contactMethodId())) {
                problems.add(new InvalidContacts.Problem("rules[" + i + "].contactMethodId",
                        "names no contact method of " + userId + ": " + rule.contactMethodId()));
            }
            if (rule.delay().isNegative()) {
                problems.add(new InvalidContacts.Problem("rules[" + i + "].delay", "must not be negative"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidContacts(problems);
        }
        contacts.replaceRules(userId, rules);
    }
}
