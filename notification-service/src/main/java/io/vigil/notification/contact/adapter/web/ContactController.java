package io.vigil.notification.contact.adapter.web;

import io.vigil.contracts.Urgency;
import io.vigil.notification.NotificationProperties;
import io.vigil.notification.contact.application.Contacts;
import io.vigil.notification.contact.application.ReplaceContactMethods;
import io.vigil.notification.contact.application.ReplaceFallbackChain;
import io.vigil.notification.contact.application.ReplaceNotificationRules;
import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.contact.domain.ContactMethod;
import io.vigil.notification.contact.domain.NotificationRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A user's contact methods and notification rules over REST; a PUT replaces the whole list. */
@RestController
@RequestMapping("/v1/users/{userId}")
class ContactController {

    private static final String CHANNELS = "(?i)slack|sms|voice|email|webhook";
    private static final String DURATION = "^(?:[0-9]+(?:ms|s|m|h|d)?|P.*)$";

    record ContactMethodBody(@NotBlank String id, @NotBlank @Pattern(regexp = CHANNELS) String channel,
            @NotBlank String address, String secret) {
    }

    record ContactMethodsBody(@NotNull List<@Valid @NotNull ContactMethodBody> contactMethods) {
    }

    record ContactMethodView(String id, String channel, String address, boolean hasSecret) {
    }

    record ContactMethodsView(String userId, List<ContactMethodView> contactMethods) {
    }

    record RuleBody(@NotBlank @Pattern(regexp = "(?i)high|low") String urgency, @NotBlank String contactMethodId,
            @NotBlank @Pattern(regexp = DURATION) String delay) {
    }

    record RulesBody(@NotNull List<@Valid @NotNull RuleBody> rules) {
    }

    record RuleView(String urgency, String contactMethodId, String delay) {
    }

    record RulesView(String userId, List<RuleView> rules) {
    }

    /** A person's own fallback chain; {@code channels} empty means the service-wide one. */
    record FallbackChainBody(@NotNull List<String> channels) {
    }

    /**
     * @param own       whether the person has a chain of their own
     * @param effective the chain their pages follow
     */
    record FallbackChainView(String userId, List<String> channels, boolean own, List<String> effective) {
    }

    private final Contacts contacts;
    private final ReplaceContactMethods replaceMethods;
    private final ReplaceNotificationRules replaceRules;
    private final ReplaceFallbackChain replaceFallbackChain;
    private final List<String> serviceWideChain;

    ContactController(Contacts contacts, ReplaceContactMethods replaceMethods, ReplaceNotificationRules replaceRules,
            ReplaceFallbackChain replaceFallbackChain, NotificationProperties properties) {
        this.contacts = contacts;
        this.replaceMethods = replaceMethods;
        this.replaceRules = replaceRules;
        this.replaceFallbackChain = replaceFallbackChain;
        this.serviceWideChain = properties.fallbackChain();
    }

    @GetMapping("/fallback-chain")
    FallbackChainView fallbackChain(@PathVariable String userId) {
        List<String> own = contacts.fallbackChainOf(userId).stream().map(Channel::wireName).toList();
        return new FallbackChainView(userId, own, !own.isEmpty(), own.isEmpty() ? serviceWideChain : own);
    }

    @PutMapping("/fallback-chain")
    FallbackChainView replaceFallbackChain(@PathVariable String userId, @Valid @RequestBody FallbackChainBody body) {
        replaceFallbackChain.replace(userId, body.channels());
        return fallbackChain(userId);
    }

    @GetMapping("/contact-methods")
    ContactMethodsView methods(@PathVariable String userId) {
        return new ContactMethodsView(userId, contacts.methodsOf(userId).stream()
                .map(m -> new ContactMethodView(m.id(), m.channel().wireName(), m.address(), m.secret() != null))
                .toList());
    }

    @PutMapping("/contact-methods")
    ContactMethodsView replaceMethods(@PathVariable String userId, @Valid @RequestBody ContactMethodsBody body) {
        replaceMethods.replace(userId, body.contactMethods().stream()
                .map(m -> new ContactMethod(m.id(), Channel.fromWireName(m.channel()), m.address(), m.secret()))
                .toList());
        return methods(userId);
    }

    @GetMapping("/notification-rules")
    RulesView rules(@PathVariable String userId) {
        return new RulesView(userId, contacts.rulesOf(userId).stream()
                .map(r -> new RuleView(r.urgency().name().toLowerCase(java.util.Locale.ROOT), r.contactMethodId(),
                        r.delay().toString()))
                .toList());
    }

    @PutMapping("/notification-rules")
    RulesView replaceRules(@PathVariable String userId, @Valid @RequestBody RulesBody body) {
        replaceRules.replace(userId, body.rules().stream()
                .map(r -> new NotificationRule(Urgency.valueOf(r.urgency().toUpperCase(java.util.Locale.ROOT)),
                        r.contactMethodId(), DurationStyle.detectAndParse(r.delay())))
                .toList());
        return rules(userId);
    }
}
