package io.vigil.incident.statuspage.application;

import io.vigil.incident.statuspage.domain.InvalidStatusPageRequest;
import io.vigil.incident.statuspage.domain.Subscription;
import io.vigil.starter.web.ResourceNotFound;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscribes e-mail addresses and webhook URLs to public updates, and unsubscribes them. Subscribing the same
 * address twice keeps one subscription. Whether a webhook URL may be called (not an internal address) is
 * notification-service's decision when it sends.
 */
@Service
public class ManageSubscriptions {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Subscriptions subscriptions;
    private final Clock clock;

    public ManageSubscriptions(Subscriptions subscriptions, Clock clock) {
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Transactional
    public Subscription subscribe(Subscription.Channel channel, String address) {
        String checked = switch (channel) {
            case EMAIL -> email(address);
            case WEBHOOK -> webhook(address);
        };
        return subscriptions.addOrGet(new Subscription(UUID.randomUUID(), channel, checked, clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<Subscription> all() {
        return subscriptions.all();
    }

    @Transactional
    public void unsubscribe(UUID id) {
        if (!subscriptions.remove(id)) {
            throw new ResourceNotFound("subscription", id);
        }
    }

    private static String email(String address) {
        String trimmed = address.strip();
        if (!EMAIL.matcher(trimmed).matches()) {
            throw new InvalidStatusPageRequest("address", "must be an e-mail address");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    private static String webhook(String address) {
        String trimmed = address.strip();
        try {
            URI url = new URI(trimmed);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
                return trimmed;
            }
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        throw new InvalidStatusPageRequest("address", "must be an http or https URL");
    }
}
