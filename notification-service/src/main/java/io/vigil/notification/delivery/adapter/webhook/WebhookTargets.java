package io.vigil.notification.delivery.adapter.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps outgoing webhooks away from Vigil's own network: a URL whose host resolves to a loopback, private,
 * link-local, carrier-grade NAT or unique-local address is refused unless its host is allow-listed.
 */
final class WebhookTargets {

    private final Set<String> allowed;

    WebhookTargets(List<String> allowedHosts) {
        this.allowed = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** Why the URL may not be called, or empty when it may. */
    Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("webhook URL must be http or https");
        }
        String host = url.getHost();
        if (host == null) {
            return Optional.of("webhook URL has no host");
        }
        if (allowed.contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("webhook host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (internal(address) && !allowed.contains(address.getHostAddress())) {
                return Optional.of("webhook target %s resolves to internal address %s and is not allow-listed"
                        .formatted(host, address.getHostAddress()));
            }
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // fc00::/7 unique local
        }
        // 100.64.0.0/10 carrier-grade NAT
        return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }
}
