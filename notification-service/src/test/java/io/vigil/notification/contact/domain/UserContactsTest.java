package io.vigil.notification.contact.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.contracts.Urgency;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserContactsTest {

    private static final List<Channel> CHAIN = List.of(Channel.SLACK, Channel.SMS, Channel.EMAIL);
    private static final ContactMethod SLACK = new ContactMethod("dm", Channel.SLACK, "U1", null);
    private static final ContactMethod PHONE = new ContactMethod("phone", Channel.SMS, "+447700900123", null);
    private static final ContactMethod MAIL = new ContactMethod("mail", Channel.EMAIL, "a@example.com", null);

    @Test
    void rulesOfThePagesUrgencyChooseMethodsAndDelays() {
        UserContacts alice = new UserContacts("alice", List.of(SLACK, PHONE, MAIL), List.of(
                new NotificationRule(Urgency.HIGH, "dm", Duration.ZERO),
                new NotificationRule(Urgency.HIGH, "phone", Duration.ofMinutes(2)),
                new NotificationRule(Urgency.LOW, "mail", Duration.ZERO)), null, null);

        assertThat(alice.plan(Urgency.HIGH, CHAIN)).containsExactly(
                new PlannedContact(SLACK, "high/dm/0s", Duration.ZERO),
                new PlannedContact(PHONE, "high/phone/120s", Duration.ofMinutes(2)));
        assertThat(alice.plan(Urgency.LOW, CHAIN)).containsExactly(new PlannedContact(MAIL, "low/mail/0s", Duration.ZERO));
    }

    @Test
    void withoutConfigurationThePagesSlackIdComesFirstAndItsEmailIsTheFallback() {
        UserContacts bob = new UserContacts("bob", List.of(), List.of(), "bob@example.com", "U2");

        List<PlannedContact> plan = bob.plan(Urgency.HIGH, CHAIN);

        assertThat(plan).containsExactly(new PlannedContact(
                new ContactMethod(UserContacts.PAGE_SLACK, Channel.SLACK, "U2", null), "default", Duration.ZERO));
        assertThat(bob.fallbackAfter(Channel.SLACK, CHAIN)).contains(
                new ContactMethod(UserContacts.PAGE_EMAIL, Channel.EMAIL, "bob@example.com", null));
        assertThat(bob.fallbackAfter(Channel.EMAIL, CHAIN)).isEmpty();
    }

    @Test
    void configuredMethodsWithoutRulesStillPageOnTheFirstChannelOfTheChain() {
        UserContacts carol = new UserContacts("carol", List.of(MAIL, PHONE), List.of(), "ignored@example.com", "U3");

        assertThat(carol.plan(Urgency.LOW, CHAIN)).extracting(PlannedContact::method).containsExactly(PHONE);
        assertThat(carol.fallbackAfter(Channel.SMS, CHAIN)).contains(MAIL);
    }

    @Test
    void somebodyWithNoWayToBeReachedGetsAnEmptyPlan() {
        assertThat(new UserContacts("dave", List.of(), List.of(), null, " ").plan(Urgency.HIGH, CHAIN)).isEmpty();
    }

    @Test
    void contactMethodsCheckTheirAddresses() {
        assertThat(PHONE.problems()).isEmpty();
        assertThat(new ContactMethod("p", Channel.VOICE, "07700 900123", null).problems())
                .containsExactly("address must be an E.164 number such as +447700900123");
        assertThat(new ContactMethod("m", Channel.EMAIL, "not-an-address", null).problems()).hasSize(1);
        assertThat(new ContactMethod("w", Channel.WEBHOOK, "ftp://x", "short").problems()).containsExactly(
                "address must be an http or https URL", "secret must have at least 16 characters");
        assertThat(new ContactMethod("w", Channel.WEBHOOK, "https://hooks.example.com/x", "0123456789abcdef")
                .problems()).isEmpty();
    }

    @Test
    void somebodyWithNothingConfiguredAndNothingOnThePageIsUnreachableAndSaysWhy() {
        UserContacts carol = new UserContacts("carol", List.of(), List.of(), null, " ");

        assertThat(carol.plan(Urgency.LOW, CHAIN)).isEmpty();
        assertThat(carol.unreachable(Urgency.LOW)).isEqualTo("carol has no contact method for low urgency (none "
                + "configured, and the page carries no e-mail address or Slack id)");
        // A page retried by hand after it reached nobody tries the whole chain from its start.
        UserContacts later = new UserContacts("carol", List.of(PHONE, MAIL), List.of(), null, null);
        assertThat(later.fallbackAfter(Channel.NONE, CHAIN)).contains(PHONE);
    }

    @Test
    void noneIsNoChannelAPersonCanBeReachedOn() {
        assertThatThrownBy(() -> Channel.fromWireName("none")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ContactMethod("x", Channel.NONE, "", null).problems())
                .contains("channel must be slack, sms, voice, email or webhook");
    }
}
