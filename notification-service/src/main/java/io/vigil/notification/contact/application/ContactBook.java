package io.vigil.notification.contact.application;

import io.vigil.notification.contact.domain.UserContacts;
import org.springframework.stereotype.Service;

/** Reads how a person is reached. */
@Service
public class ContactBook {

    private final Contacts contacts;

    public ContactBook(Contacts contacts) {
        this.contacts = contacts;
    }

    /** The user's contacts, with the page's e-mail and Slack id for when nothing is configured. */
    public UserContacts of(String userId, String pageEmail, String pageSlack) {
        return new UserContacts(userId, contacts.methodsOf(userId), contacts.rulesOf(userId), pageEmail, pageSlack);
    }

}
