package io.vigil.notification.contact.adapter.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.contracts.Urgency;
import io.vigil.notification.contact.application.ApplyContactConfiguration.UserSection;
import io.vigil.notification.contact.application.InvalidContacts;
import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.contact.domain.ContactMethod;
import io.vigil.notification.contact.domain.NotificationRule;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactConfigLoaderTest {

    @Test
    void readsMethodsAndRulesPerUser() {
        Map<String, UserSection> users = ContactConfigLoader.read("""
                users:
                  alice:
                    contactMethods:
                      - {id: phone, channel: sms, address: "+447700900123"}
                      - {id: hook, channel: webhook, address: "https://hooks.example.com/a", secret: s3cr3t-s3cr3t-s3cr3t}
                    rules:
                      - {urgency: high, contactMethod: phone, delay: 2m}
                      - {urgency: low, contactMethod: hook}
                """);

        UserSection alice = users.get("alice");
        assertThat(alice.contactMethods()).containsExactly(
                new ContactMethod("phone", Channel.SMS, "+447700900123", null),
                new ContactMethod("hook", Channel.WEBHOOK, "https://hooks.example.com/a", "s3cr3t-s3cr3t-s3cr3t"));
        assertThat(alice.rules()).containsExactly(new NotificationRule(Urgency.HIGH, "phone", Duration.ofMinutes(2)),
                new NotificationRule(Urgency.LOW, "hook", Duration.ZERO));
    }

    @Test
    void mistakesNameWhereTheyAre() {
        assertThatThrownBy(() -> ContactConfigLoader.read("""
                users:
                  bob:
                    contactMethods:
                      - {id: x, channel: pigeon, address: roof}
                """)).isInstanceOfSatisfying(InvalidContacts.class, e -> assertThat(e.problems())
                .containsExactly(new InvalidContacts.Problem("users.bob.contactMethods[0].channel",
                        "must be slack, sms, voice, email or webhook")));
        assertThatThrownBy(() -> ContactConfigLoader.read("""
                users:
                  bob:
                    rules:
                      - {urgency: high, contactMethod: x, delay: soon}
                """)).isInstanceOfSatisfying(InvalidContacts.class, e -> assertThat(e.problems().getFirst().field())
                .isEqualTo("users.bob.rules[0].delay"));
        assertThatThrownBy(() -> ContactConfigLoader.read("people: []")).isInstanceOf(InvalidContacts.class);
    }

    @Test
    void readsTheSlackChannelOfEachService() {
        String text = """
                services:
                  checkout: {slackChannel: C0CHECKOUT}
                  search:
                    slackChannel: C0SEARCH
                """;
        assertThat(ContactConfigLoader.readServices(text)).containsExactly(
                Map.entry("checkout", "C0CHECKOUT"), Map.entry("search", "C0SEARCH"));
        assertThat(ContactConfigLoader.read(text)).isEmpty();
        assertThatThrownBy(() -> ContactConfigLoader.readServices("services:\n  checkout: {}\n"))
                .isInstanceOfSatisfying(InvalidContacts.class, e -> assertThat(e.problems().getFirst())
                        .isEqualTo(new InvalidContacts.Problem("services.checkout",
                                "must have a slackChannel or a fallbackChain")));
    }

    @Test
    void readsTheFallbackChainOfAServiceAndOfAUser() {
        String text = """
                users:
                  alice:
                    contactMethods: [{id: mail, channel: email, address: alice@example.com}]
                    fallbackChain: [slack, email]
                services:
                  checkout: {fallbackChain: [email, sms]}
                  search: {slackChannel: C0SEARCH}
                """;
        assertThat(ContactConfigLoader.readServiceFallbackChains(text))
                .containsExactly(Map.entry("checkout", java.util.List.of("email", "sms")));
        assertThat(ContactConfigLoader.readServices(text)).containsExactly(Map.entry("search", "C0SEARCH"));
        assertThat(ContactConfigLoader.read(text).get("alice").fallbackChain()).containsExactly("slack", "email");
        assertThatThrownBy(() -> ContactConfigLoader.readServiceFallbackChains(
                "services:\n  checkout: {fallbackChain: email}\n"))
                .isInstanceOfSatisfying(InvalidContacts.class, e -> assertThat(e.problems().getFirst().field())
                        .isEqualTo("services.checkout.fallbackChain"));
    }
}
