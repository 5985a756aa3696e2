package io.vigil.notification.delivery.adapter.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import io.vigil.notification.NotificationProperties;
import java.net.URI;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHost;

/** Builds the Twilio REST client, optionally sending every request to another endpoint with Twilio's own paths. */
final class TwilioClients {

    private TwilioClients() {
    }

    static TwilioRestClient create(NotificationProperties.Twilio twilio) {
        TwilioRestClient.Builder builder = new TwilioRestClient.Builder(twilio.accountSid(), twilio.authToken());
        if (twilio.apiEndpoint() != null && !twilio.apiEndpoint().isBlank()) {
            URI endpoint = URI.create(twilio.apiEndpoint());
            HttpHost target = new HttpHost(endpoint.getScheme(), endpoint.getHost(), endpoint.getPort());
            // The SDK builds https://api.twilio.com/... URLs; the route sends them to the endpoint instead, so paths,
            // form bodies and basic auth stay exactly as Twilio's.
            HttpClientBuilder http = HttpClientBuilder.create()
                    .setRoutePlanner((host, context) -> new HttpRoute(target));
            builder.httpClient(new NetworkHttpClient(http));
        }
        return builder.build();
    }
}
