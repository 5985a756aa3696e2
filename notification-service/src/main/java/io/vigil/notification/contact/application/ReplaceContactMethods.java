package io.vigil.notification.contact.application;

import io.vigil.notification.contact.domain.ContactMethod;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sets a user's contact methods, all or nothing. */
@Service
public class ReplaceContactMethods {

    private final Contacts contacts;

    public ReplaceContactMethods(Contacts contacts) {
        this.contacts = contacts;
    }

    /** @throws InvalidContacts naming every invalid method; nothing is changed then */
    @Transactional
    public void replace(String userId, List<ContactMethod> methods) {
        List<InvalidContacts.Problem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < methods.size(); i++) {
            ContactMethod method = methods.get(i);
            String path = "contactMethods[" + i + "]";
            if (!ids.add(method.id())) {
                problems.add(new InvalidContacts.Problem(path + ".id", "is used twice: " + method.id()));
            }
            method.problems().forEach(p -> problems.add(new InvalidContacts.Problem(path, p)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidContacts(problems);
        }
        contacts.replaceMethods(userId, methods);
    }
}
