package io.vigil.notification.contact.domain;

import io.vigil.contracts.Urgency;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything Vigil knows about reaching one person: configured contact methods and rules, and the e-mail address and
 * Slack id the page itself carries, used when nothing is configured.
 *
 * @param userId       the person
 * @param methods      configured contact methods
 * @param rules        configured notification rules
 * @param pageEmail    e-mail address from the page, or {@code null}
 * @param pageSlack    Slack member id from the page, or {@code null}
 */
public record UserContacts(String userId, List<ContactMethod> methods, List<NotificationRule> rules, String pageEmail,
        String pageSlack) {

    /** Id of the contact method made from the page's Slack id when the user has none configured. */
    public static final String PAGE_SLACK = "page-slack";
    /** Id of the contact method made from the page's e-mail address when the user has none configured. */
    public static final String PAGE_EMAIL = "page-email";
    /** Rule id of a contact chosen without rules. */
    public static final String DEFAULT_RULE = "default";

    private static final String UNREACHABLE = "%s has no contact method for %s urgency"
            + " (none configured, and the page carries no e-mail address or Slack id)";

    public UserContacts {
        methods = List.copyOf(methods);
        rules = List.copyOf(rules);
    }

    /** Configured methods, or the ones the page's Slack id and e-mail address make when none are configured. */
    public List<ContactMethod> usableMethods() {
        if (!methods.isEmpty()) {
            return methods;
        }
        List<ContactMethod> fromPage = new ArrayList<>();
        if (pageSlack != null && !pageSlack.isBlank()) {
            fromPage.add(new ContactMethod(PAGE_SLACK, Channel.SLACK, pageSlack, null));
        }
        if (pageEmail != null && !pageEmail.isBlank()) {
            fromPage.add(new ContactMethod(PAGE_EMAIL, Channel.EMAIL, pageEmail, null));
        }
        return fromPage;
    }

    /**
     * The contacts a page of this urgency leads to: every rule for the urgency; without rules, the first usable
     * method in the order of the fallback chain, at once (the others stay for fallback, so nobody gets the same page
     * twice on two channels unless their rules say so).
     */
    public List<PlannedContact> plan(Urgency urgency, List<Channel> fallbackChain) {
        List<ContactMethod> usable = usableMethods();
        List<PlannedContact> planned = new ArrayList<>();
        for (NotificationRule rule : rules) {
            if (rule.urgency() == urgency) {
                method(rule.contactMethodId()).ifPresent(method -> planned.add(
                        new PlannedContact(method, rule.id(), rule.delay())));
            }
        }
        if (!planned.isEmpty()) {
            return planned;
        }
        for (Channel channel : fallbackChain) {
            Optional<ContactMethod> first = usable.stream().filter(m -> m.channel() == channel).findFirst();
            if (first.isPresent()) {
                return List.of(new PlannedContact(first.get(), DEFAULT_RULE, Duration.ZERO));
            }
        }
        return usable.isEmpty() ? List.of() : List.of(new PlannedContact(usable.getFirst(), DEFAULT_RULE, Duration.ZERO));
    }

    /**
     * Why a page of this urgency reaches nobody, for the failed delivery that records it: "alice has no contact
     * method for high urgency (...)". Only meaningful when {@link #plan} is empty.
     */
    public String unreachable(Urgency urgency) {
        return UNREACHABLE.formatted(userId, urgency.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The next channel of the chain after {@code failed} that this person can be reached on, with its method. */
    public Optional<ContactMethod> fallbackAfter(Channel failed, List<Channel> fallbackChain) {
        int from = fallbackChain.indexOf(failed);
        List<ContactMethod> usable = usableMethods();
        for (int i = from + 1; i < fallbackChain.size(); i++) {
            Channel next = fallbackChain.get(i);
            Optional<ContactMethod> method = usable.stream().filter(m -> m.channel() == next).findFirst();
            if (method.isPresent()) {
                return method;
            }
        }
        return Optional.empty();
    }

    private Optional<ContactMethod> method(String id) {
        return usableMethods().stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
